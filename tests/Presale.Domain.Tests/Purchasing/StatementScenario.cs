using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Suppliers;

namespace Presale.Domain.Tests.Purchasing;

/// <summary>Builders for statement tests: a supplier's terms, its purchase-order lines and statement inputs.</summary>
internal static class StatementScenario
{
    public static readonly SettlementPeriod March = SettlementPeriod.Containing(SettlementPeriodKind.Monthly, new DateOnly(2026, 3, 1));

    public static readonly ChargebackRates Rates = new(0.03m, 0.05m, 0.10m);

    public static SupplierTerms Terms(ChargebackRates? rates = null, PaymentTerms? payment = null, RebateSchedule? rebates = null, IReadOnlyList<CatalogueItem>? catalogue = null) => new(
        "EUR",
        payment ?? new PaymentTerms(30, PaymentTermsBasis.Receipt),
        new OnTimeWindow(2, 0, OnTimeReference.RequestedDate),
        rates ?? Rates,
        rebates ?? new RebateSchedule(new Dictionary<SupplierGrade, decimal> { [SupplierGrade.A] = 0.02m }, [new VolumeRebateTier(10_000m, 0.01m)]),
        catalogue ?? []);

    /// <summary>Line 1 of PO-1: CHIP-1 at 2.4567 EUR, requested 2026-03-10 (window 03-08 to 03-10).</summary>
    public static SettlementLineFacts Line(
        int ordered = 300, int committed = 300, int cancelled = 0, bool closed = false, ChargebackRates? rates = null, string purchaseOrder = "PO-1", int lineNumber = 1, decimal cost = 2.4567m,
        params (string On, int Units)[] deliveries) => new(
        PurchaseOrderId.From(purchaseOrder),
        lineNumber,
        Sku.From("CHIP-1"),
        new Money(cost, "EUR"),
        ordered,
        committed,
        (new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 10)),
        rates ?? Rates,
        [.. deliveries.Select((d, i) => new Delivery(Day(d.On), d.Units, $"rcv-{i}"))],
        cancelled,
        closed);

    public static StatementInput Input(
        SettlementPeriod period, IReadOnlyList<SettlementLineFacts> lines, SettlementPosition? previous = null, DateOnly? previousEnd = null,
        SupplierTerms? terms = null, SupplierGrade? grade = SupplierGrade.A, double? onTime = 0.97, IReadOnlyList<ReturnClaimFact>? claims = null) => new(
        "acme",
        period,
        previousEnd ?? period.Start.AddDays(-1),
        terms ?? Terms(),
        grade,
        onTime,
        lines,
        claims ?? [],
        period.Previous.Previous.Previous.Start,
        previous ?? SettlementPosition.Empty);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static decimal Sum(SupplierStatement statement, SettlementRule rule) => statement.Items.Where(i => i.Rule == rule).Sum(i => i.Amount.Amount);
}
