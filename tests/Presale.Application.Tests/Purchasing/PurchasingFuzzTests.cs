using FsCheck;
using FsCheck.Fluent;
using Presale.Application.Purchasing;

namespace Presale.Application.Tests.Purchasing;

/// <summary>
/// Random and hostile input to every purchasing use case a route will call: each answer is a value (invalid with the
/// fields named, not found, conflict, …), never an exception — what becomes "never a 500" once the routes translate them.
/// </summary>
public sealed class PurchasingFuzzTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Constant<string?>(null),
        Gen.Elements<string?>("", " ", "acme", "PO-1", "CHIP-1", "a/b", "a#b", "x?y", "\u0007", "\u0085", "é", "🙂", "supplier|x", "../..", "' or 1=1", "2026-03", "2026-W10", "2026-13-01", "=cmd()", "A"),
        Gen.Choose(0, 700).Select(n => (string?)new string('x', n)),
        ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s));

    private static readonly Gen<int?> Number = Gen.OneOf(
        Gen.Constant<int?>(null),
        Gen.Elements<int?>(int.MinValue, -1, 0, 1, 2, 30, 99, 100, 101, 1_000_000, 1_000_001, int.MaxValue),
        Gen.Choose(-5, 200).Select(n => (int?)n));

    private static readonly Gen<decimal?> Amount = Gen.OneOf(
        Gen.Constant<decimal?>(null),
        Gen.Elements<decimal?>(decimal.MinValue, -1m, 0m, 0.0000001m, 0.000001m, 0.03m, 1m, 1.5m, 2m, 1_000_000_000m, 1_000_000_000.01m, decimal.MaxValue),
        Gen.Choose(-1000, 100_000).Select(n => (decimal?)(n / 1000m)));

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class => Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(g => (T?)g)));

    private static Gen<IReadOnlyList<T>?> ListOf<T>(Gen<T> gen) => OrNull(Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(gen, n)).Select(l => (IReadOnlyList<T>)[.. l]));

    private static Gen<DateOnly?> Date => Gen.OneOf(Gen.Constant<DateOnly?>(null), Gen.Choose(-400, 400).Select(d => (DateOnly?)new DateOnly(2026, 3, 2).AddDays(d)));

    private static Gen<SupplierTermsRequest> Terms =>
        from currency in Text
        from netDays in Number
        from early in Number
        from late in Number
        from rate in Amount
        from waiver in Amount
        from grades in OrNull(from a in Amount from d in Amount select new GradeRatesRequest(A: a, D: d))
        from tiers in ListOf(from from_ in Amount from r in Amount select new VolumeTierRequest(from_, r))
        from catalogue in ListOf(from sku in Text from cost in Amount from pack in Number select new CatalogueItemRequest(sku, cost, pack, pack))
        from basis in Gen.Elements<Domain.Purchasing.PaymentTermsBasis?>(null, Domain.Purchasing.PaymentTermsBasis.Invoice, (Domain.Purchasing.PaymentTermsBasis)9)
        select new SupplierTermsRequest(
            currency,
            new PaymentTermsRequest(netDays, basis),
            new OnTimeWindowRequest(early, late, Domain.Purchasing.OnTimeReference.RequestedDate),
            new ChargebackRatesRequest(rate, rate, rate, waiver),
            new RebateScheduleRequest(grades, tiers),
            catalogue);

    private static Gen<CreatePurchaseOrderRequest> Orders =>
        from id in Text
        from supplier in Gen.Frequency((3, Gen.Constant<string?>("acme")), (1, Text))
        from currency in Text
        from lines in ListOf(from sku in Gen.Frequency((3, Gen.Constant<string?>("CHIP-1")), (1, Text)) from quantity in Number from cost in Amount select new PurchaseOrderLineRequest(sku, quantity, cost))
        from date in Date
        from note in Text
        select new CreatePurchaseOrderRequest(id, supplier, currency, lines, date, note, note);

    private static Gen<AcknowledgePurchaseOrderRequest> Acknowledgements =>
        from eventId in Text
        from at in Gen.Elements<DateTimeOffset?>(null, DateTimeOffset.MinValue, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue)
        from accepted in ListOf(
            from line in Number
            from quantity in Number
            from eta in Gen.OneOf(Text, Date.Select(d => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            select new AcceptedLineRequest(line, quantity, eta))
        from rejected in ListOf(from line in Number from reason in Text select new RejectedLineRequest(line, reason))
        select new AcknowledgePurchaseOrderRequest(eventId, at, accepted, rejected);

    private static async Task<PurchasingHarness> ShopAsync()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 10);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 1m)));
        await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(3), ("CHIP-1", 10, null));
        return h;
    }

    private static void Fuzz<T>(Gen<T> gen, Func<T, Task> call, int runs = 150) =>
        Prop.ForAll(gen.ToArbitrary(), value => call(value).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(runs));

    [Fact]
    public async Task Terms_AnyBody_IsAnsweredWithAValue()
    {
        var h = await ShopAsync();
        Fuzz(Terms, async body => Assert.NotNull(await h.Terms.PutAsync("acme", body, Ct)));
    }

    [Fact]
    public async Task PurchaseOrders_AnyBody_IsAnsweredWithAValue()
    {
        var h = await ShopAsync();
        Fuzz(Orders, async body => Assert.NotNull(await h.Create.CreateAsync(body, Ct)));
    }

    [Fact]
    public async Task Acknowledgements_AnyBodyForAnyOrder_IsAnsweredWithAValue()
    {
        var h = await ShopAsync();
        Fuzz(Acknowledgements.Zip(Gen.Frequency((3, Gen.Constant<string?>("PO-1")), (1, Text))), async pair =>
            Assert.NotNull(await h.Acknowledge.AcknowledgeAsync("acme", pair.Item2!, pair.Item1, Ct)));
    }

    [Fact]
    public async Task Reads_AnyIds_AreAnsweredWithValues()
    {
        var h = await ShopAsync();
        Fuzz(Text.Zip(Text), async pair =>
        {
            Assert.NotNull(await h.Statements.GetAsync(pair.Item1!, pair.Item2!, Ct));
            Assert.NotNull(await h.Suggestions.AssessAsync(pair.Item1!, Ct));
            await h.SupplierOrders.GetAsync(pair.Item1!, pair.Item2!, Ct);
            await h.SupplierOrders.ListOpenAsync(pair.Item1!, Ct);
            await h.Terms.GetAsync(pair.Item1!, Ct);
        });
    }
}
