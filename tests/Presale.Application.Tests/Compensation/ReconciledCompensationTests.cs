using Presale.Application.Compensation;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Tests.Compensation;

/// <summary>Compensation against what reconciliation and fulfilment record on the order: ready lines and shipments.</summary>
public sealed class ReconciledCompensationTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_OrderReconciledReadyToShipBeforeItsPromise_IsNotCompensatedAndDropsTheRow()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);
        Assert.Equal(ReconcileOutcome.Reconciled, (await h.Reconciler().ReconcileAsync(Sku.From(CompensationHarness.SkuCode), Ct)).Outcome);
        Assert.Equal(PromiseStatus.ReadyToShip, (await OrderAsync(h, orderId)).Lines[0].Tracking!.Status);

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(10), Berlin).AddHours(9));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(0, result.AwardsIssued);
        Assert.Equal(1, result.Dropped);
        Assert.Empty(await h.CreditRowsAsync("customer-1"));
        Assert.Empty(await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_OrderReadyThreeDaysAfterItsPromise_PaysOnlyTheTiersReachedByThen()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(3), Berlin).AddHours(9));
        await h.Reconciler().ReconcileAsync(Sku.From(CompensationHarness.SkuCode), Ct);

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(10), Berlin).AddHours(9));
        var result = await h.Sweep().RunAsync(Ct);

        // Tier 1 (day 1) was reached before the order became ready on day 3; tier 2 (day 8) never is.
        Assert.Equal(1, result.AwardsIssued);
        Assert.Equal([CompensationAward.KeyFor(orderId, 1)], (await h.CreditRowsAsync("customer-1")).Select(c => c.RowKey));
        Assert.Empty(await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_OrderShippedBeforeItsPromise_IsNotCompensated()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);
        await ShipAsync(h, orderId, 1, promise.AddDays(-1));

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(10), Berlin).AddHours(9));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(0, result.AwardsIssued);
        Assert.Empty(await h.CreditRowsAsync("customer-1"));
        Assert.Empty(await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_PartlyShippedOrder_IsCompensatedOnlyForTheUnitsStillWaiting()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var request = OrderingHarness.Order((CompensationHarness.SkuCode, 2)) with { Lines = [new PlaceOrderLineRequest(CompensationHarness.SkuCode, 2, 200m)] };
        var orderId = Assert.IsType<PlaceOrderResult.Placed>(await h.Ordering.Place.PlaceAsync("k-1", request, Ct)).Order.OrderId;
        var promise = await PromiseAsync(h, orderId);
        await ShipAsync(h, orderId, 1, promise.AddDays(2));

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(3), Berlin).AddHours(9));
        await h.Sweep().RunAsync(Ct);

        // 5 % of the one unit still waiting (200), not of both units (which would be 20).
        var credit = Assert.Single(await h.CreditRowsAsync("customer-1"));
        Assert.Equal(10m, credit.GetDecimal("Amount"));
        Assert.Equal([PromiseDueIndex.RowKey(promise.AddDays(8), orderId)], await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Reconcile_DelayedOrder_PutsItBackOnTheCompensationIndexWithTheOrderWrite()
    {
        var h = new CompensationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("LT-1", 0, lot: ("L1", 5, 10));
        var orderId = Assert.IsType<PlaceOrderResult.Placed>(await h.Ordering.Place.PlaceAsync("k-1", OrderingHarness.Order(("LT-1", 1)), Ct)).Order.OrderId;
        var promise = await PromiseAsync(h, orderId);
        var partition = OrderIds.PartitionOf(orderId)!;

        // As if an earlier sweep had dropped the order (e.g. while it looked settled).
        Assert.True((await h.Faults.DeleteAsync(h.Ordering.Options.OrdersTable, partition, PromiseDueIndex.RowKey(promise.AddDays(1), orderId), ETag.Any, Ct)).Succeeded);
        Assert.Empty(await h.IndexRowsAsync());

        // The lot is late: on the day before the promise its units are not in, so the estimate passes the promise.
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(-1), Berlin).AddHours(9));
        var result = await h.Reconciler().ReconcileAsync(Sku.From("LT-1"), Ct);

        Assert.Equal(1, result.OrdersWritten);
        var tracking = (await OrderAsync(h, orderId)).Lines[0].Tracking!;
        Assert.True(tracking.Estimate > promise);
        Assert.Equal([PromiseDueIndex.RowKey(promise.AddDays(1), orderId)], await h.IndexRowsAsync());

        // Once the promise passed the sweep finds it and compensates it.
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(1), Berlin).AddHours(9));
        Assert.Equal(1, (await h.Sweep().RunAsync(Ct)).AwardsIssued);
    }

    private static async Task ShipAsync(CompensationHarness h, string orderId, int quantity, DateOnly shippedOn)
    {
        var recorded = await h.Ordering.Ship.RecordAsync(orderId, new RecordShipmentRequest("s-" + shippedOn.DayNumber, [new ShipmentLineRequest(CompensationHarness.SkuCode, quantity)], shippedOn, null), Ct);
        Assert.IsType<RecordShipmentResult.Recorded>(recorded);
    }

    private static async Task<Domain.Orders.Order> OrderAsync(CompensationHarness h, string orderId) =>
        (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order;

    private static async Task<DateOnly> PromiseAsync(CompensationHarness h, string orderId) =>
        (await OrderAsync(h, orderId)).Lines.Max(l => l.Promise!.PromisedOn);
}
