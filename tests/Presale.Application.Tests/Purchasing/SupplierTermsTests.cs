using Presale.Application.Purchasing;
using Presale.Domain.Common;

namespace Presale.Application.Tests.Purchasing;

public sealed class SupplierTermsTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    private static async Task<PurchasingHarness> SupplierAsync()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0);
        await h.Flow.Ordering.CreateSkuAsync("CHIP-2", 0);
        await h.SupplierAsync("acme");
        return h;
    }

    [Fact]
    public async Task Put_StoresTheTermsAsSent_AndIndexesTheCatalogueBySku()
    {
        var h = await SupplierAsync();
        var terms = PurchasingHarness.StandardTerms(("CHIP-1", 2.4567m), ("CHIP-2", 1m));

        var saved = Assert.IsType<SupplierTermsResult.Saved>(await h.Terms.PutAsync("acme", terms, Ct));

        Assert.True(saved.Created);
        Assert.Equal(h.Today, saved.Terms.EffectiveFrom);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(terms), System.Text.Json.JsonSerializer.Serialize((await h.Terms.GetAsync("acme", Ct))!.Terms));
        Assert.Equal(["acme"], (await h.TermsStore.OffersOfAsync(Sku.From("CHIP-2"), Ct)).Select(t => t.SupplierId));

        var updated = Assert.IsType<SupplierTermsResult.Saved>(await h.Terms.PutAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2.5m)), Ct));
        Assert.False(updated.Created);
        Assert.Equal(h.Today, updated.Terms.EffectiveFrom);
        Assert.Empty(await h.TermsStore.OffersOfAsync(Sku.From("CHIP-2"), Ct));
        Assert.Equal(2.5m, (await h.TermsStore.OffersOfAsync(Sku.From("CHIP-1"), Ct)).Single().Terms.Offer(Sku.From("CHIP-1"))!.UnitCost.Amount);
    }

    [Fact]
    public async Task Put_BadInput_NamesEachField()
    {
        var h = await SupplierAsync();
        var good = PurchasingHarness.StandardTerms(("CHIP-1", 1m));
        async Task<string[]> FieldsAsync(SupplierTermsRequest request) =>
            [.. Assert.IsType<SupplierTermsResult.Invalid>(await h.Terms.PutAsync("acme", request, Ct)).Errors.Keys.Order(StringComparer.Ordinal)];

        Assert.Equal(["chargebacks", "currency", "onTimeWindow", "paymentTerms"], await FieldsAsync(new SupplierTermsRequest(null, null, null, null, null, null)));
        Assert.Equal(["chargebacks.lateUnits", "onTimeWindow.reference", "paymentTerms.netDays"], await FieldsAsync(good with
        {
            PaymentTerms = new PaymentTermsRequest(366, Domain.Purchasing.PaymentTermsBasis.Invoice),
            OnTimeWindow = new OnTimeWindowRequest(1, 1, (Domain.Purchasing.OnTimeReference)7),
            Chargebacks = new ChargebackRatesRequest(1.5m, 0m, 0m, null),
        }));
        Assert.Equal(["rebates.byGrade", "rebates.volumeTiers[0].rate"], await FieldsAsync(good with
        {
            Rebates = new RebateScheduleRequest(new GradeRatesRequest(B: 1.5m), [new VolumeTierRequest(0m, 2m)]),
        }));
        Assert.Equal(["catalogue[0].unitCost", "catalogue[1].sku", "catalogue[2].packSize"], await FieldsAsync(good with
        {
            Catalogue = [new CatalogueItemRequest("CHIP-1", 0m, null, null), new CatalogueItemRequest("CHIP-1", 1m, null, null), new CatalogueItemRequest("CHIP-2", 1m, null, 0)],
        }));
        Assert.Equal(["currency"], await FieldsAsync(good with { Currency = "USD" }));
        Assert.Equal(["catalogue[0].sku"], await FieldsAsync(good with { Catalogue = [new CatalogueItemRequest("GHOST", 1m, null, null)] }));
        Assert.Equal(["supplierId"], [.. Assert.IsType<SupplierTermsResult.Invalid>(await h.Terms.PutAsync("a#b", good, Ct)).Errors.Keys]);
        Assert.IsType<SupplierTermsResult.UnknownSupplier>(await h.Terms.PutAsync("ghost", good, Ct));
        Assert.Null(await h.Terms.GetAsync("acme", Ct));
    }
}
