using Presale.Application.Replenishment;
using Presale.Application.Supply;
using Presale.Domain.Alerts;
using Presale.Domain.Suppliers;

namespace Presale.Application.Tests.Purchasing;

public sealed class ReplenishmentTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    [Fact]
    public async Task Assess_UsesTheSuppliersRealLeadTimes_AndSuggestsTheOneThatKeepsPromises()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        await h.Flow.Ordering.CreateSkuAsync("OLD-1", 0);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)), defaultLeadTimeDays: 30);
        await h.SupplierAsync("bolt", PurchasingHarness.StandardTerms(("CHIP-1", 1.5m)), defaultLeadTimeDays: 30);
        // acme's history: three lots known on day 0 and received on day 6, so its real lead time is 6 days, not its registered 30.
        for (var i = 1; i <= 3; i++)
        {
            Assert.IsType<LotRegistrationResult.Registered>(await h.Flow.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest($"H{i}", $"PO-H{i}", h.Today.AddDays(6), [new LotLineRequest("OLD-1", 5)]), Ct));
        }

        h.Time.Advance(TimeSpan.FromDays(6));
        for (var i = 1; i <= 3; i++)
        {
            await h.Flow.ReceiptAsync($"h-rcv-{i}", $"H{i}", h.Time.GetUtcNow(), ("OLD-1", 5));
        }

        var first = await h.Flow.PlaceAsync("CHIP-1", 12);
        await h.Flow.PlaceAsync("CHIP-1", 8);
        var promise = (await h.Flow.OrderAsync(first)).Lines[0].Promise!.PromisedOn;

        var view = Assert.IsType<ReplenishmentResult.Assessed>(await h.Suggestions.AssessAsync("CHIP-1", Ct)).View;

        Assert.Equal((0L, 0L, 20L, 20L, (DateOnly?)promise), (view.OnHand, view.Inbound, view.Reserved, view.Uncovered, view.EarliestUncoveredPromise));
        Assert.Equal(promise.AddDays(-2), view.NeedBy);
        Assert.Equal(["acme", "bolt"], view.SuppliersConsidered);
        var chosen = view.Suggestion!.Chosen;
        Assert.Equal(("acme", 6, LeadTimeBasis.History, 20, true), (chosen.SupplierId, chosen.LeadTimeDays, chosen.LeadTimeBasis, chosen.Quantity, chosen.KeepsPromises));
        Assert.Equal(promise.AddDays(-2 - 6), chosen.OrderBy);
        Assert.Equal(("bolt", 30, LeadTimeBasis.SupplierDefault), (view.Suggestion.Alternatives[0].SupplierId, view.Suggestion.Alternatives[0].LeadTimeDays, view.Suggestion.Alternatives[0].LeadTimeBasis));
    }

    [Fact]
    public async Task Assess_LearnsTheDemandRateFromThePastDaysReservations()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 1000);
        for (var day = 0; day < 4; day++)
        {
            await h.Flow.PlaceAsync("CHIP-1", 7);
            h.Time.Advance(TimeSpan.FromDays(1));
        }

        var view = Assert.IsType<ReplenishmentResult.Assessed>(await h.Suggestions.AssessAsync("CHIP-1", Ct)).View;

        Assert.Equal((28.0 / 28, 28), (view.DemandPerDay, view.DemandDays));
        Assert.True(view.DemandDeviation > 0);
        Assert.Null(view.Suggestion);
    }

    [Fact]
    public async Task Assess_BadOrUnknownSku_OrNoShop_AreValues()
    {
        var h = new PurchasingHarness();
        Assert.IsType<ReplenishmentResult.ShopNotConfigured>(await h.Suggestions.AssessAsync("CHIP-1", Ct));
        await h.Flow.Ordering.ConfigureShopAsync();
        Assert.Equal(["sku"], Assert.IsType<ReplenishmentResult.Invalid>(await h.Suggestions.AssessAsync("CHIP 1", Ct)).Errors.Keys);
        Assert.IsType<ReplenishmentResult.UnknownSku>(await h.Suggestions.AssessAsync("CHIP-1", Ct));
    }

    [Fact]
    public async Task ALateLot_RaisesAReSourcingAlertNamingTheFasterSupplierAndTheOrdersItSaves_ClearedWhenTheLotIsBackOnTime()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, lot: ("L1", 20, 5));
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)));
        await h.SupplierAsync("bolt", PurchasingHarness.StandardTerms(("CHIP-1", 2.2m)), defaultLeadTimeDays: 3);
        string[] orders = [await h.Flow.PlaceAsync("CHIP-1", 10), await h.Flow.PlaceAsync("CHIP-1", 10)];
        await h.DrainReconcileAsync();
        Assert.Equal((0, 0, 0), await h.Resourcing.RunAsync(Ct));

        await h.Flow.EtaAsync("slip-1", "L1", h.Time.GetUtcNow(), h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await h.DrainReconcileAsync();
        Assert.Equal((1, 0, 0), await h.Resourcing.RunAsync(Ct));
        Assert.Equal((0, 0, 0), await h.Resourcing.RunAsync(Ct));

        var alert = (await h.Alerts.GetAsync(AlertKey.Resourcing("acme", "L1", "CHIP-1"), Ct))!;
        Assert.Equal(AlertKind.Resourcing, alert.Kind);
        Assert.Equal(("bolt", 20), (alert.Details!["option"]!["supplierId"]!.GetValue<string>(), alert.Details["option"]!["quantity"]!.GetValue<int>()));
        Assert.Equal(orders.Order(StringComparer.Ordinal), alert.Details["savedOrders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("Supplier bolt could deliver 20 units by", alert.Message, StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Flow.EtaAsync("back-1", "L1", h.Time.GetUtcNow(), h.Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await h.DrainReconcileAsync();
        Assert.Equal((0, 1, 0), await h.Resourcing.RunAsync(Ct));
        Assert.Null(await h.Alerts.GetAsync(AlertKey.Resourcing("acme", "L1", "CHIP-1"), Ct));
    }

    [Fact]
    public async Task AGoneLot_ClearsItsReSourcingAlerts_AndNoOtherLots()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        foreach (var (lot, sku) in new[] { ("L9", "CHIP-1"), ("L9", "CHIP-2"), ("L90", "CHIP-1") })
        {
            var raise = new Application.Alerts.AlertRaise(AlertKey.Resourcing("acme", lot, sku), AlertKind.Resourcing, $"suppliers/acme/lots/{lot}", "late", new { supplierId = "acme", lotId = lot, sku });
            Assert.Equal(Application.Alerts.AlertChange.Raised, await h.Alerts.RaiseAsync(raise, h.Time.GetUtcNow(), Ct));
        }

        // Lot L9 is not in the lots table: its two alerts are cleared, lot L90's (whose key L9's prefix does not cover) stays.
        await h.Store.CreateTableIfNotExistsAsync(h.Flow.Ordering.Options.LotsTable, Ct);
        Assert.Equal((0, 2), await h.Resourcing.AssessLotAsync("acme", "L9", Ct));

        var open = await h.Alerts.ListOpenAsync(AlertKey.ResourcingPrefix, 10, null, Ct);
        Assert.Equal([AlertKey.Resourcing("acme", "L90", "CHIP-1")], open.Items.Select(a => a.Key));
    }
}
