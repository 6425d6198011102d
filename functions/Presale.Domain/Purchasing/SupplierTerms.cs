using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>
/// What a supplier and the shop agreed: the currency purchase orders and statements are in, payment terms, the
/// on-time window, chargeback rates, the rebate schedule and the catalogue of SKUs with their unit costs. A purchase
/// order copies the window and the chargeback rates when it is created (<see cref="PurchaseOrderTerms"/>), so a later
/// change of terms never changes how an order already placed is judged; payment terms, rebates and currency are read
/// when a statement closes.
/// </summary>
public sealed record SupplierTerms
{
    /// <summary>The most catalogue items a supplier may have.</summary>
    public const int MaxCatalogueItems = 500;

    /// <summary>Creates terms; throws when an invariant does not hold (validate requests first).</summary>
    public SupplierTerms(string currency, PaymentTerms payment, OnTimeWindow window, ChargebackRates chargebacks, RebateSchedule rebates, IReadOnlyList<CatalogueItem> catalogue)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(chargebacks);
        ArgumentNullException.ThrowIfNull(rebates);
        ArgumentNullException.ThrowIfNull(catalogue);
        Currency = new Money(0m, currency).Currency;
        ArgumentOutOfRangeException.ThrowIfNegative(payment.NetDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payment.NetDays, PaymentTerms.MaxNetDays);
        ArgumentOutOfRangeException.ThrowIfNegative(window.DaysEarly);
        ArgumentOutOfRangeException.ThrowIfNegative(window.DaysLate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window.DaysEarly, OnTimeWindow.MaxDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window.DaysLate, OnTimeWindow.MaxDays);
        foreach (var rate in new[] { chargebacks.LateUnits, chargebacks.ShortUnits, chargebacks.CancelledLine, chargebacks.WaiveOutsideWindowAboveOnTimeRate ?? 0m })
        {
            if (rate is < 0m or > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(chargebacks), rate, "Chargeback rates and the waiver rate are fractions from 0 to 1.");
            }
        }

        if (rebates.ByGrade.Values.Concat(rebates.VolumeTiers.Select(t => t.Rate)).Any(r => r is < -1m or > 1m) || rebates.VolumeTiers.Any(t => t.FromAmount < 0m))
        {
            throw new ArgumentOutOfRangeException(nameof(rebates), "Rebate rates are fractions from -1 to 1 and tiers start at 0 or more.");
        }

        if (catalogue.Count > MaxCatalogueItems || catalogue.Select(i => i.Sku).Distinct().Count() != catalogue.Count)
        {
            throw new ArgumentException($"A catalogue lists each SKU once, at most {MaxCatalogueItems} of them.", nameof(catalogue));
        }

        if (catalogue.Any(i => i.UnitCost.Currency != Currency || i.MinimumOrderQuantity < 1 || i.PackSize < 1 || UnitCost.Validate(i.UnitCost.Amount) is not null))
        {
            throw new ArgumentException($"Catalogue items are priced in {Currency} with a valid unit cost, a minimum order quantity and a pack size of at least 1.", nameof(catalogue));
        }

        Payment = payment;
        Window = window;
        Chargebacks = chargebacks;
        Rebates = rebates;
        Catalogue = catalogue;
    }

    /// <summary>The ISO 4217 currency of purchase orders and statements.</summary>
    public string Currency { get; }

    /// <summary>When statements are due.</summary>
    public PaymentTerms Payment { get; }

    /// <summary>Which deliveries are on time.</summary>
    public OnTimeWindow Window { get; }

    /// <summary>What is charged back.</summary>
    public ChargebackRates Chargebacks { get; }

    /// <summary>The rebate per statement.</summary>
    public RebateSchedule Rebates { get; }

    /// <summary>The SKUs the supplier offers.</summary>
    public IReadOnlyList<CatalogueItem> Catalogue { get; }

    /// <summary>The catalogue item for <paramref name="sku"/>, or null.</summary>
    public CatalogueItem? Offer(Sku sku) => Catalogue.FirstOrDefault(i => i.Sku == sku);

    /// <summary>What a purchase order created now copies.</summary>
    public PurchaseOrderTerms ForPurchaseOrder() => new(Window, Chargebacks);
}
