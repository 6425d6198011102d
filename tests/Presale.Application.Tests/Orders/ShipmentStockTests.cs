using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Testing;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>Shipping takes units out of stock: on hand and the line's reservation go down together, once per shipment.</summary>
public sealed class ShipmentStockTests
{
    private static DateOnly Today => DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    [Fact]
    public async Task Ship_TakesTheUnitsOffOnHandAndTheReservation_SoTheyAreNeverSoldAgain()
    {
        var h = await ArrangeAsync(("A", 1, 0));
        var a = await PlaceAsync(h, "a", ("A", 1));

        var shipped = await ShipAsync(h, a, "p1", delivered: true, ("A", 1));

        Assert.True(Assert.IsType<RecordShipmentResult.Recorded>(shipped).Changed);
        var state = await h.StateAsync("A");
        Assert.Equal((0, 0L), (state.Ledger.OnHand, state.Reserved));
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        var refused = Assert.IsType<CancelOrderResult.FullyShipped>(await h.Cancel.CancelAsync(a, null, Ct));
        Assert.Equal(OrderStatus.Confirmed, refused.Order.Status);
        Assert.Equal((0, 0L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
        Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("b", Order(("A", 1)), Ct));
        Assert.Contains(h.Publisher.Published, p => p.Message.MessageId == a + "-shipped-1" && p.Message.Subject == OrderEventMessage.Shipped);
    }

    [Fact]
    public async Task Ship_PartOfAnOrder_ThenCancel_ReleasesAndRefundsOnlyTheUnitsNotShipped()
    {
        var h = await ArrangeAsync(("A", 5, 0));
        var a = await PlaceAsync(h, "a", ("A", 3));
        Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: true, ("A", 2)));
        Assert.Equal((3, 1L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));

        var cancelled = Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(a, null, Ct));

        Assert.Equal(19.99m, cancelled.Order.RefundDue);
        var state = await h.StateAsync("A");
        Assert.Equal((3, 0L), (state.Ledger.OnHand, state.Reserved));
        Assert.Equal(3, state.Available(Today));
        Assert.Equal(2, (await h.Orders.GetAsync(a, Ct))!.Order.QuantityShipped(Sku.From("A")));
    }

    [Fact]
    public async Task Ship_TheSameShipmentAgain_TakesItsStockOnce_AndAddingTheDeliveryTakesNothing()
    {
        var h = await ArrangeAsync(("A", 4, 0));
        var a = await PlaceAsync(h, "a", ("A", 2));

        Assert.True(Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: false, ("A", 2))).Changed);
        Assert.False(Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: false, ("A", 2))).Changed);
        Assert.True(Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: true, ("A", 2))).Changed);

        Assert.Equal((2, 0L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
        Assert.Equal(1, await ShipmentRowsAsync(h, "A"));
    }

    [Fact]
    public async Task Ship_MoreThanOnHand_IsRefusedNamingTheSku_TakesNothing_AndShipsOnceTheStockIsRecorded()
    {
        // The order is promised from the cap: nothing is on hand, so a shipment of it has no stock to take.
        var h = await ArrangeAsync(("A", 0, 2));
        var a = await PlaceAsync(h, "a", ("A", 1));

        var refused = Assert.IsType<RecordShipmentResult.Conflict>(await ShipAsync(h, a, "p1", delivered: true, ("A", 1)));

        Assert.Equal("insufficient-stock", refused.Slug);
        Assert.Contains("SKU A has 0 unit(s) on hand", refused.Message, StringComparison.Ordinal);
        var order = (await h.Orders.GetAsync(a, Ct))!;
        Assert.Equal(0, order.Order.QuantityShipped(Sku.From("A")));
        Assert.Null(order.SagaMarker);
        Assert.Equal((0, 1L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));

        Assert.IsType<StockAdjustmentResult.Applied>(await h.Stock.AdjustAsync(Sku.From("A"), "found", new StockAdjustmentRequest(1, StockAdjustmentReason.Found, null), Ct));
        Assert.True(Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: true, ("A", 1))).Changed);

        Assert.Equal((0, 0L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
        Assert.Equal(ShipmentStock.Taken, Assert.Single((await h.Orders.GetAsync(a, Ct))!.Order.ShipmentRecords).Stock);
    }

    [Fact]
    public async Task Ship_TwoSkus_OneShort_GivesTheOtherBack_AndCountsNothingAsShipped()
    {
        var h = await ArrangeAsync(("A", 3, 0), ("B", 0, 2));
        var a = await PlaceAsync(h, "a", ("A", 2), ("B", 1));

        var refused = Assert.IsType<RecordShipmentResult.Conflict>(await ShipAsync(h, a, "p1", delivered: false, ("A", 2), ("B", 1)));

        Assert.Equal("insufficient-stock", refused.Slug);
        Assert.Equal((3, 2L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
        Assert.Equal((2, 2), await h.ReservedAsync("A"));
        Assert.Equal((0, 1L), ((await h.StateAsync("B")).Ledger.OnHand, (await h.StateAsync("B")).Reserved));
        var cancelled = Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(a, null, Ct));
        Assert.Equal((2 * 19.99m) + 19.99m, cancelled.Order.RefundDue);
        Assert.Equal((3, 0L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
    }

    [Fact]
    public async Task Ship_OverALineWaitingOnALot_TakesTheShelfUnit_AndMovesTheOrderItBelongedToOntoTheLot()
    {
        // The first order holds the one unit on hand, the second waits on the lot; the warehouse ships the second
        // order from the shelf. On hand is then empty, so the first order's reservation moves to the lot unit the second
        // order no longer needs (reconciliation re-plans and tells the first customer).
        var h = await ArrangeAsync(("A", 1, 0));
        var registered = await h.Lots.RegisterAsync("acme", new RegisterLotRequest("L1", "PO-L1", Today.AddDays(10), [new LotLineRequest("A", 1)]), Ct);
        Assert.IsType<LotRegistrationResult.Registered>(registered);
        await PlaceAsync(h, "first", ("A", 1));
        var second = await PlaceAsync(h, "second", ("A", 1));

        Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, second, "p1", delivered: false, ("A", 1)));

        var state = await h.StateAsync("A");
        Assert.Equal((0, 1L), (state.Ledger.OnHand, state.Reserved));
        Assert.Equal(1L, state.Shards.Sum(s => (long)s.Shard[Lot("L1").Key].Reserved));
        Assert.Equal((1, 1), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Ship_MoreThanIsLeftToShip_IsRefusedNamingTheLine_AndTakesNothing()
    {
        var h = await ArrangeAsync(("A", 5, 0));
        var a = await PlaceAsync(h, "a", ("A", 2));

        var invalid = Assert.IsType<RecordShipmentResult.Invalid>(await ShipAsync(h, a, "p1", delivered: false, ("A", 3)));

        Assert.Contains("lines[0].quantity", invalid.Errors.Keys);
        Assert.Equal((5, 2L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
    }

    [Fact]
    public async Task Ship_WhenTheRequestDiesAfterRecordingIt_IsFinishedByTheSagaSweeper()
    {
        var store = new FaultInjectingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var h = await ArrangeAsync(store, ("A", 2, 0));
        var a = await PlaceAsync(h, "a", ("A", 2));

        store.Arm(failFrom: 3); // read the order, record the shipment pending, then everything fails
        await Assert.ThrowsAsync<IOException>(() => ShipAsync(h, a, "p1", delivered: true, ("A", 2)));
        store.Disarm();
        Assert.Equal(ShipmentStock.Pending, Assert.Single((await h.Orders.GetAsync(a, Ct))!.Order.ShipmentRecords).Stock);
        Assert.Equal((2, 2L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));

        h.Time.Advance(h.Options.ReleaseRetryDelay);
        Assert.Equal(1, await h.SagaSweep.RunAsync(Ct));

        var order = (await h.Orders.GetAsync(a, Ct))!;
        Assert.Equal(2, order.Order.QuantityShipped(Sku.From("A")));
        Assert.Null(order.SagaMarker);
        Assert.Equal((0, 0L), ((await h.StateAsync("A")).Ledger.OnHand, (await h.StateAsync("A")).Reserved));
    }

    [Fact]
    public async Task Ship_OneLine_CostsThreeTransactionsAndFourReads()
    {
        var store = new FaultInjectingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var h = await ArrangeAsync(store, ("A", 2, 0));
        var a = await PlaceAsync(h, "a", ("A", 1));
        var calls = new List<string>();
        store.Before = call =>
        {
            calls.Add(call.Method);
            return Task.CompletedTask;
        };

        Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, a, "p1", delivered: false, ("A", 1)));

        // The order; the pending shipment; the stock row, the SKU's state and the reservation; the take; the decision.
        Assert.Equal(["GetAsync", "SubmitTransactionAsync", "GetAsync", "QueryAsync", "GetAsync", "SubmitTransactionAsync", "SubmitTransactionAsync"], calls);
    }

    internal static Task<OrderingHarness> ArrangeAsync(params (string Sku, int OnHand, int Cap)[] skus) =>
        ArrangeAsync(new Adapters.InMemory.InMemoryTableStore(), skus);

    internal static async Task<OrderingHarness> ArrangeAsync(ITableStore store, params (string Sku, int OnHand, int Cap)[] skus)
    {
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        foreach (var (sku, onHand, cap) in skus)
        {
            await h.CreateSkuAsync(sku, onHand, cap);
        }

        return h;
    }

    internal static async Task<string> PlaceAsync(OrderingHarness h, string key, params (string Sku, int Quantity)[] lines) =>
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(key, Order(lines), Ct)).Order.OrderId;

    internal static Task<RecordShipmentResult> ShipAsync(OrderingHarness h, string orderId, string shipmentId, bool delivered, params (string Sku, int Quantity)[] lines) =>
        h.Ship.RecordAsync(orderId, new RecordShipmentRequest(shipmentId, [.. lines.Select(l => new ShipmentLineRequest(l.Sku, l.Quantity))], Today, delivered ? Today : null), Ct);

    private static async Task<int> ShipmentRowsAsync(OrderingHarness h, string sku)
    {
        var rows = 0;
        await foreach (var _ in h.Store.QueryAllAsync(h.Options.SupplyTable, TableFilter.RowPrefix(sku, "6|ship|"), 100, Ct))
        {
            rows++;
        }

        return rows;
    }
}
