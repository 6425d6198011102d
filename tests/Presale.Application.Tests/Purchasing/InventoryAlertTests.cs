using System.Globalization;
using Presale.Application.Alerts;
using Presale.Application.Supply;
using Presale.Domain.Alerts;

namespace Presale.Application.Tests.Purchasing;

/// <summary>The inventory alerts: each kind raised once by the sweep, kept while its condition holds, cleared when it is resolved.</summary>
public sealed class InventoryAlertTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    [Fact]
    public async Task PreSalesPastConfirmedSupply_RaiseOneAlertSayingWhatToOrder_ClearedWhenALotCoversThem()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)), defaultLeadTimeDays: 10);
        Assert.Equal((0, 0, 0), await h.Inventory.RunAsync(Ct));

        await h.Flow.PlaceAsync("CHIP-1", 12);
        await h.Flow.PlaceAsync("CHIP-1", 8);
        Assert.Equal((1, 0, 0), await h.Inventory.RunAsync(Ct));
        Assert.Equal((0, 0, 0), await h.Inventory.RunAsync(Ct));

        var alert = (await h.Alerts.GetAsync(AlertKey.PreSoldBeyondSupply("CHIP-1"), Ct))!;
        Assert.Equal((AlertKind.PreSoldBeyondSupply, "skus/CHIP-1/replenishment"), (alert.Kind, alert.Subject));
        var suggested = Assert.IsType<Replenishment.ReplenishmentResult.Assessed>(await h.Suggestions.AssessAsync("CHIP-1", Ct)).View.Suggestion!.Chosen;
        var orderBy = suggested.OrderBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.StartsWith($"Order 20 units of CHIP-1 from supplier acme by {orderBy} to keep promises", alert.Message, StringComparison.Ordinal);
        Assert.Equal(orderBy, alert.Details!["orderBy"]!.GetValue<string>());
        Assert.Equal(("acme", 20, 20L, 10), (alert.Details!["supplierId"]!.GetValue<string>(), alert.Details["quantity"]!.GetValue<int>(), alert.Details["uncovered"]!.GetValue<long>(), alert.Details["leadTimeDays"]!.GetValue<int>()));
        Assert.Null(await h.Alerts.GetAsync(AlertKey.BelowSafetyStock("CHIP-1"), Ct));
        var raised = Assert.Single(h.Events("alert.raised"));
        Assert.Equal(("presold|CHIP-1", "preSoldBeyondSupply"), (raised["key"]!.GetValue<string>(), raised["kind"]!.GetValue<string>()));

        // The supplier's lot for the 20 units is registered: reconciliation pegs the orders to it, nothing is uncovered.
        Assert.IsType<LotRegistrationResult.Registered>(await h.Flow.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest("L1", "PO-1", h.Today.AddDays(10), [new LotLineRequest("CHIP-1", 20)]), Ct));
        await h.DrainReconcileAsync();
        Assert.Equal((0, 1, 0), await h.Inventory.RunAsync(Ct));
        Assert.Null(await h.Alerts.GetAsync(AlertKey.PreSoldBeyondSupply("CHIP-1"), Ct));
        var cleared = Assert.Single(h.Events("alert.cleared"));
        Assert.Equal(("presold|CHIP-1", "preSoldBeyondSupply"), (cleared["key"]!.GetValue<string>(), cleared["kind"]!.GetValue<string>()));
        Assert.Equal((0, 0, 0), await h.Inventory.RunAsync(Ct));
    }

    [Fact]
    public async Task ProjectedAvailabilityBelowSafetyStock_RaisesOneAlert_ClearedWhenInboundLiftsIt()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 30);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)), defaultLeadTimeDays: 14);
        for (var day = 0; day < 4; day++)
        {
            await h.Flow.PlaceAsync("CHIP-1", 7);
            h.Time.Advance(TimeSpan.FromDays(1));
        }

        // 28 of 30 on hand reserved; demand 1/day with deviation √6 over 28 days; 14-day lead time: safety stock
        // ⌈1.65 × √6 × √14⌉ = 16, projected availability 2 − 14 = −12 < 16: order 30 − 2 = 28.
        Assert.Equal((1, 0, 0), await h.Inventory.RunAsync(Ct));
        Assert.Equal((0, 0, 0), await h.Inventory.RunAsync(Ct));
        var alert = (await h.Alerts.GetAsync(AlertKey.BelowSafetyStock("CHIP-1"), Ct))!;
        Assert.Equal(AlertKind.BelowSafetyStock, alert.Kind);
        Assert.Equal((16L, 28, 0L), (alert.Details!["safetyStock"]!.GetValue<long>(), alert.Details["quantity"]!.GetValue<int>(), alert.Details["uncovered"]!.GetValue<long>()));
        Assert.StartsWith("Order 28 units of CHIP-1 from supplier acme by ", alert.Message, StringComparison.Ordinal);
        Assert.Null(await h.Alerts.GetAsync(AlertKey.PreSoldBeyondSupply("CHIP-1"), Ct));
        var page = await h.Alerts.ListOpenAsync(AlertKey.BelowSafetyStockPrefix, 10, null, Ct);
        Assert.Equal(["safety-stock|CHIP-1"], page.Items.Select(a => a.Key));

        // A lot of 28 is inbound: the position is 30, at the target (14 over the lead time + 16 safety stock).
        Assert.IsType<LotRegistrationResult.Registered>(await h.Flow.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest("L1", "PO-1", h.Today.AddDays(14), [new LotLineRequest("CHIP-1", 28)]), Ct));
        await h.DrainReconcileAsync();
        Assert.Equal((0, 1, 0), await h.Inventory.RunAsync(Ct));
        Assert.Null(await h.Alerts.GetAsync(AlertKey.BelowSafetyStock("CHIP-1"), Ct));
        Assert.Equal("projected availability is back at or above safety stock: nothing needs ordering", Assert.Single(h.Events("alert.cleared"))["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAlertOfASkuNoLongerOffered_IsClearedByTheSweep()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)));
        await h.Flow.PlaceAsync("CHIP-1", 5);
        Assert.Equal((1, 0, 0), await h.Inventory.RunAsync(Ct));

        await h.Flow.Ordering.CreateSkuAsync("OTHER-1", 0);

        // The supplier's catalogue drops the SKU: no supplier offers it, so no suggestion and no alert.
        Assert.IsType<Application.Purchasing.SupplierTermsResult.Saved>(await h.Terms.PutAsync("acme", PurchasingHarness.StandardTerms(("OTHER-1", 2m)), Ct));
        Assert.Equal((0, 1, 0), await h.Inventory.RunAsync(Ct));
        Assert.Equal(AlertChange.NotOpen, await h.Alerts.ClearAsync(AlertKey.PreSoldBeyondSupply("CHIP-1"), "test", h.Time.GetUtcNow(), Ct));
    }
}
