using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Fails each storage call of a placement in turn (once, or from that call on as a dying process would) and checks
/// that, after the sweepers ran, no reservation is held for an order that is not confirmed and every confirmed order
/// has its reservations and its published message.
/// </summary>
public sealed class PlacementSagaFaultTests
{
    [Fact]
    public async Task Placement_FailingAnyOneStorageCall_LeavesNothingHalfDone()
    {
        var calls = await CountCallsOfOnePlacementAsync();
        Assert.InRange(calls, 5, 40);
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(failCall: call, failFrom: null);
        }
    }

    [Fact]
    public async Task Placement_DyingAtAnyStorageCall_LeavesNothingHalfDone()
    {
        var calls = await CountCallsOfOnePlacementAsync();
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(failCall: null, failFrom: call);
        }
    }

    [Fact]
    public async Task Placement_LosingTheAnswerOfAnyCommittedStorageCall_LeavesNothingHalfDone_AndARetryGetsTheOrder()
    {
        var calls = await CountCallsOfOnePlacementAsync();
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(failCall: null, failFrom: null, commitThenFail: call, retry: true);
        }
    }

    [Fact]
    public async Task Placement_WhenTheClientGoesAwayDuringTheConfirmation_IsConfirmedWithItsReservations()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        using var request = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        store.Before = call =>
        {
            if (IsConfirmation(call, h))
            {
                request.Cancel(); // the caller disconnects while the confirmation is on its way
            }

            return Task.CompletedTask;
        };

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), request.Token));
        store.Before = null;
        h.Time.Advance(h.Options.PendingTimeout + h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        await h.SagaSweep.RunAsync(Ct);

        Assert.Equal(OrderStatus.Confirmed, (await h.Orders.GetAsync(placed.Order.OrderId, Ct))!.Order.Status);
        Assert.Equal((2, 2), await h.ReservedAsync("A"));
        Assert.Equal((1, 1), await h.ReservedAsync("B"));
    }

    [Fact]
    public async Task Placement_WhenTheBrokerFails_IsConfirmed_AndTheOutboxSweeperPublishesItLater()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 3);
        h.Publisher.Fail = true;

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 1)), Ct));
        Assert.Empty(h.Publisher.Published);
        h.Publisher.Fail = false;
        Assert.Equal(0, await h.OutboxSweep.RunAsync(Ct)); // not yet due: the request may still be publishing it

        h.Time.Advance(h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await h.OutboxSweep.RunAsync(Ct));
        Assert.Equal(0, await h.OutboxSweep.RunAsync(Ct));

        var (_, message) = Assert.Single(h.Publisher.Published, p => p.Queue == h.Options.ReconcileQueue);
        Assert.Equal(placed.Order.OrderId + "-confirmed", message.MessageId);
        var (_, notice) = Assert.Single(h.Publisher.Published, p => p.Queue == h.Notifications.Queue);
        Assert.Equal("notification.orderConfirmed", notice.Subject);
    }

    [Fact]
    public async Task Placement_RetriedWhilePending_ResumesAndConfirmsOnce()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 3);
        await h.CreateSkuAsync("B", onHand: 3);

        store.Arm(failFrom: 6); // the second line's reservation and everything after fail
        await Assert.ThrowsAnyAsync<IOException>(() => h.Place.PlaceAsync("k", Order(("A", 1), ("B", 1)), Ct));
        store.Disarm();

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 1), ("B", 1)), Ct));

        Assert.True(placed.Replayed);
        Assert.Equal((1, 1), await h.ReservedAsync("A"));
        Assert.Equal((1, 1), await h.ReservedAsync("B"));
    }

    [Fact]
    public async Task Placement_RefusedButStoppedWhileReleasing_IsReleasedByTheRetryWithTheSameKey_BeforeAnySweep()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 3);
        await h.CreateSkuAsync("B", onHand: 1);
        store.Before = call => call.Table == h.Options.SupplyTable && call.Operations.Any(o => o.Entity.PartitionKey == "B")
            ? throw new IOException("storage went away while reserving B")
            : Task.CompletedTask;
        await Assert.ThrowsAnyAsync<IOException>(() => h.Place.PlaceAsync("k", Order(("A", 1), ("B", 1)), Ct));
        store.Before = null;
        Assert.Equal(((1, 1), (0, 0)), (await h.ReservedAsync("A"), await h.ReservedAsync("B")));
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("other", Order(("B", 1)), Ct));

        // The retry finds B gone and stores the refusal, then stops while giving A back.
        store.Before = call => call.Table == h.Options.SupplyTable && call.Operations.Any(o => o.Kind == TableOperationKind.Delete)
            ? throw new IOException("storage went away while releasing")
            : Task.CompletedTask;
        await Assert.ThrowsAnyAsync<IOException>(() => h.Place.PlaceAsync("k", Order(("A", 1), ("B", 1)), Ct));
        store.Before = null;
        Assert.Equal((1, 1), await h.ReservedAsync("A"));

        var refused = Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("k", Order(("A", 1), ("B", 1)), Ct));

        Assert.True(refused.Replayed);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        var (orderId, _) = OrderIds.ForIdempotencyKey("k");
        Assert.Null((await h.Orders.GetAsync(orderId, Ct))!.SagaMarker);
    }

    private static async Task<int> CountCallsOfOnePlacementAsync()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        store.Arm();
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("probe", Order(("A", 2), ("B", 1)), Ct));
        return store.Calls;
    }

    /// <summary>True for the transaction that writes an order as confirmed.</summary>
    internal static bool IsConfirmation(FaultInjectingTableStore.Call call, OrderingHarness h) =>
        call.Table == h.Options.OrdersTable && call.Operations.Count > 0 && call.Operations[0].Kind == TableOperationKind.Replace
        && call.Operations[0].Entity.GetString("Status") == nameof(OrderStatus.Confirmed);

    private static async Task RunWithFaultAsync(int? failCall, int? failFrom, int? commitThenFail = null, bool retry = false)
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        store.Arm(failCall, failFrom, commitThenFail);
        PlaceOrderResult? result = null;
        try
        {
            result = await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
        }
        catch (IOException)
        {
            // The injected fault: the caller sees an error (and would retry); the sweepers must clean up.
        }

        store.Disarm();
        if (retry)
        {
            // The caller retries at once with the same key: it gets the order, whichever step lost its answer.
            result = await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
            Assert.True(result is PlaceOrderResult.Placed, $"lost answer of call {commitThenFail}: the retry got {result}.");
        }

        h.Time.Advance(h.Options.PendingTimeout + h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        await h.SagaSweep.RunAsync(Ct);
        await h.OutboxSweep.RunAsync(Ct);

        var (orderId, _) = OrderIds.ForIdempotencyKey("key");
        var stored = await h.Orders.GetAsync(orderId, Ct);
        var label = $"fault at call {failCall ?? failFrom ?? commitThenFail}{(failFrom is null ? string.Empty : " and after")}{(commitThenFail is null ? string.Empty : " (applied, answer lost)")}";
        var reservationsA = await h.ReservationsAsync("A");
        var reservationsB = await h.ReservationsAsync("B");
        var (shardsA, rowsA) = await h.ReservedAsync("A");
        var (shardsB, rowsB) = await h.ReservedAsync("B");
        Assert.True(shardsA == rowsA && shardsB == rowsB, $"{label}: shard counters disagree with reservation rows.");
        if (stored?.Order.Status == OrderStatus.Confirmed)
        {
            Assert.True(reservationsA.Sum(r => r.Quantity) == 2 && reservationsB.Sum(r => r.Quantity) == 1, $"{label}: a confirmed order lacks a reservation.");
            Assert.True(h.Publisher.Published.Count(p => p.Message.MessageId == orderId + "-confirmed") >= 1, $"{label}: a confirmed order's message was never published.");
            Assert.True(result is null or PlaceOrderResult.Placed, $"{label}: the caller was told {result} for a confirmed order.");
        }
        else
        {
            Assert.True(reservationsA.Count == 0 && reservationsB.Count == 0, $"{label}: order {stored?.Order.Status.ToString() ?? "missing"} still holds a reservation.");
            Assert.True(result is not PlaceOrderResult.Placed, $"{label}: the caller was told the order was placed.");
        }

        Assert.Null(stored?.SagaMarker);
        var markers = 0;
        await foreach (var _ in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(stored?.Partition ?? "none", "saga|"), 100, Ct))
        {
            markers++;
        }

        Assert.True(markers == 0, $"{label}: a saga marker is left.");
        Assert.True(!retry || stored?.Order.Status == OrderStatus.Confirmed, $"{label}: the retried order is {stored?.Order.Status}.");
    }

    private static async Task<OrderingHarness> ArrangeAsync(FaultInjectingTableStore store)
    {
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        await h.CreateSkuAsync("B", onHand: 5);
        return h;
    }
}
