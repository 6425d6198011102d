using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Two requests with the same Idempotency-Key at once: the first is held at its confirmation (a gate) while the second
/// resumes the pending placement and fails, runs short, or finishes. Afterwards (and after the sweepers) the units
/// reserved must be exactly those of confirmed orders, and no order may be confirmed without its reservations.
/// </summary>
public sealed class SameKeyConcurrencyTests
{
    private static readonly AsyncLocal<string?> Attempt = new();

    /// <summary>The second attempt's N-th storage call fails (past its last call: it runs to the end).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(99)]
    public async Task SecondAttemptFailingWhileTheFirstConfirms_NeverReleasesTheFirstAttemptsUnits(int failAt)
    {
        var (h, store) = await ArrangeAsync(onHandB: 5);
        var secondCalls = 0;
        store.Before = _ =>
        {
            if (Attempt.Value == "second" && Interlocked.Increment(ref secondCalls) == failAt)
            {
                throw new IOException($"The second attempt's storage call {failAt} failed.");
            }

            return Task.CompletedTask;
        };

        var (first, second) = await RunBothAsync(h, store);

        await AssertReservedEqualsConfirmedAsync(h);
        var order = (await h.Orders.GetAsync(OrderIds.ForIdempotencyKey("key").OrderId, Ct))!.Order;
        Assert.Equal(OrderStatus.Confirmed, order.Status); // the first attempt was never in doubt
        Assert.IsType<PlaceOrderResult.Placed>(first);
        Assert.True(second is null or PlaceOrderResult.Placed, $"The second attempt was told {second}.");
    }

    [Fact]
    public async Task SecondAttemptWhileTheFirstHoldsTheLastUnits_DoesNotCountThemAgainstTheOrder()
    {
        // B has exactly the one unit the order wants, which the first attempt holds while the second resumes.
        var (h, store) = await ArrangeAsync(onHandB: 1);

        var (first, second) = await RunBothAsync(h, store);

        Assert.IsType<PlaceOrderResult.Placed>(first);
        Assert.IsType<PlaceOrderResult.Placed>(second);
        await AssertReservedEqualsConfirmedAsync(h);
        Assert.Equal((1, 1), await h.ReservedAsync("B"));
    }

    [Fact]
    public async Task SecondAttemptRunningShortWhileTheFirstWaits_RejectsBeforeReleasing_AndTheFirstCannotConfirm()
    {
        // The first attempt holds A but is held before reserving B; meanwhile another order takes B's last unit and the
        // second attempt runs short on B: it must reject the order first, and only then release A.
        var (h, store) = await ArrangeAsync(onHandB: 1);
        var firstAtB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Before = async call =>
        {
            if (Attempt.Value == "first" && call.Table == h.Options.SupplyTable && call.Operations.Any(o => o.Entity.PartitionKey == "B"))
            {
                firstAtB.TrySetResult();
                await releaseFirst.Task;
            }
        };

        var first = Task.Run(async () =>
        {
            Attempt.Value = "first";
            return await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
        }, Ct);
        await firstAtB.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("other", Order(("B", 1)), Ct));
        var second = await Task.Run(async () =>
        {
            Attempt.Value = "second";
            return await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
        }, Ct);
        releaseFirst.SetResult();
        var firstResult = await first.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.IsType<PlaceOrderResult.Short>(second);
        Assert.IsType<PlaceOrderResult.Short>(firstResult);
        await AssertReservedEqualsConfirmedAsync(h);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }

    private static async Task<(OrderingHarness, FaultInjectingTableStore)> ArrangeAsync(int onHandB)
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        await h.CreateSkuAsync("B", onHand: onHandB);
        return (h, store);
    }

    /// <summary>
    /// Starts the first attempt, holds it at its confirmation, runs the second to its end (an exception counts as null),
    /// then lets the first finish. The gate wraps whatever <see cref="FaultInjectingTableStore.Before"/> the test set.
    /// </summary>
    private static async Task<(PlaceOrderResult? First, PlaceOrderResult? Second)> RunBothAsync(OrderingHarness h, FaultInjectingTableStore store)
    {
        var firstAtConfirm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = store.Before;
        store.Before = async call =>
        {
            if (Attempt.Value == "first" && PlacementSagaFaultTests.IsConfirmation(call, h))
            {
                firstAtConfirm.TrySetResult();
                await releaseFirst.Task;
            }

            if (inner is not null)
            {
                await inner(call);
            }
        };

        var first = Task.Run(async () =>
        {
            Attempt.Value = "first";
            return await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
        }, Ct);
        await firstAtConfirm.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = await Task.Run(async () =>
        {
            Attempt.Value = "second";
            try
            {
                return await h.Place.PlaceAsync("key", Order(("A", 2), ("B", 1)), Ct);
            }
            catch (IOException)
            {
                return null; // the injected fault; the caller would retry
            }
        }, Ct);
        releaseFirst.SetResult();
        var firstResult = await first.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        store.Before = null;
        return (firstResult, second);
    }

    /// <summary>After the sweepers: per SKU the shards agree with the reservation rows, which are exactly the lines of confirmed orders.</summary>
    private static async Task AssertReservedEqualsConfirmedAsync(OrderingHarness h)
    {
        h.Time.Advance(h.Options.PendingTimeout + h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        await h.SagaSweep.RunAsync(Ct);
        foreach (var sku in new[] { "A", "B" })
        {
            var (byShards, byRows) = await h.ReservedAsync(sku);
            Assert.True(byShards == byRows, $"{sku}: shards hold {byShards}, reservation rows {byRows}.");
            var expected = new List<(string, int)>();
            foreach (var (orderId, _) in (await h.ReservationsAsync(sku)).DistinctBy(r => r.OrderId))
            {
                var order = (await h.Orders.GetAsync(orderId, Ct))?.Order;
                Assert.True(order?.Status == OrderStatus.Confirmed, $"{sku}: order {orderId} is {order?.Status.ToString() ?? "missing"} but holds a reservation.");
            }

            foreach (var partition in OrderIds.Partitions)
            {
                await foreach (var row in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(partition, "order|"), 100, Ct))
                {
                    var order = (await h.Orders.GetAsync(row.RowKey["order|".Length..], Ct))!.Order;
                    if (order.Status == OrderStatus.Confirmed && order.Lines.FirstOrDefault(l => l.Sku.Value == sku) is { } line)
                    {
                        expected.Add((order.Id, line.Quantity));
                    }
                }
            }

            Assert.Equal(expected.Order(), (await h.ReservationsAsync(sku)).Order());
        }
    }
}
