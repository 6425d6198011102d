using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// One saga or outbox row that fails must not hold up the rest of a sweep: the sweep carries on, reports the failure at
/// the end, and the next run finishes what is left.
/// </summary>
public sealed class SweepFaultIsolationTests
{
    private const int Orders = 6;

    [Fact]
    public async Task SagaSweep_WhenOneSagaFails_FinishesAllOthers_ReportsTheFailure_AndTheNextRunFinishesIt()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);

        // Every placement dies at its confirmation: pending, holding its units, with its saga marker.
        store.Before = call => PlacementSagaFaultTests.IsConfirmation(call, h) ? throw new IOException("The process died.") : Task.CompletedTask;
        var ids = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            await Assert.ThrowsAsync<IOException>(() => h.Place.PlaceAsync("k" + i, Order(("A", 1)), Ct));
            ids.Add(OrderIds.ForIdempotencyKey("k" + i).OrderId);
        }

        Assert.Equal((Orders, Orders), await h.ReservedAsync("A"));
        h.Time.Advance(h.Options.PendingTimeout + TimeSpan.FromSeconds(1));

        // The saga the sweep meets first cannot read its order.
        var bad = ids.OrderBy(id => OrderIds.PartitionOf(id), StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal).First();
        store.Before = call => call.Table == h.Options.OrdersTable && call.RowKey == "order|" + bad ? throw new IOException("Unreadable order.") : Task.CompletedTask;
        var failed = await Assert.ThrowsAsync<AggregateException>(() => h.SagaSweep.RunAsync(Ct));

        Assert.Single(failed.InnerExceptions);
        foreach (var id in ids.Where(id => id != bad))
        {
            var stored = (await h.Orders.GetAsync(id, Ct))!;
            Assert.Equal(OrderStatus.Abandoned, stored.Order.Status);
            Assert.Null(stored.SagaMarker);
        }

        Assert.Equal([bad], (await h.ReservationsAsync("A")).Select(r => r.OrderId));

        store.Before = null;
        Assert.Equal(1, await h.SagaSweep.RunAsync(Ct));
        Assert.Equal(OrderStatus.Abandoned, (await h.Orders.GetAsync(bad, Ct))!.Order.Status);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.Equal(0, await h.SagaSweep.RunAsync(Ct));
    }

    [Fact]
    public async Task SagaSweep_WhenOnePartitionCannotBeRead_SweepsTheOtherPartitions()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        store.Before = call => PlacementSagaFaultTests.IsConfirmation(call, h) ? throw new IOException("The process died.") : Task.CompletedTask;
        var ids = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            await Assert.ThrowsAsync<IOException>(() => h.Place.PlaceAsync("k" + i, Order(("A", 1)), Ct));
            ids.Add(OrderIds.ForIdempotencyKey("k" + i).OrderId);
        }

        h.Time.Advance(h.Options.PendingTimeout + TimeSpan.FromSeconds(1));
        var firstPartition = ids.Select(id => OrderIds.PartitionOf(id)!).Order(StringComparer.Ordinal).First();
        store.Before = call => call.Table == h.Options.OrdersTable && call.PartitionKey == firstPartition && call.RowKey is null && call.Operations.Count == 0
            ? throw new IOException($"Partition {firstPartition} is unavailable.")
            : Task.CompletedTask;

        var failed = await Assert.ThrowsAsync<AggregateException>(() => h.SagaSweep.RunAsync(Ct));

        Assert.Single(failed.InnerExceptions);
        var unswept = ids.Where(id => OrderIds.PartitionOf(id) == firstPartition).ToList();
        foreach (var id in ids)
        {
            Assert.Equal(unswept.Contains(id) ? OrderStatus.Pending : OrderStatus.Abandoned, (await h.Orders.GetAsync(id, Ct))!.Order.Status);
        }

        store.Before = null;
        Assert.Equal(unswept.Count, await h.SagaSweep.RunAsync(Ct));
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task OutboxSweep_WhenOneMessageFails_PublishesAllOthers_ReportsTheFailure_AndTheNextRunPublishesIt()
    {
        var h = await ArrangeAsync(new FaultInjectingTableStore(new InMemoryTableStore()));
        h.Publisher.Fail = true; // the broker is down while the orders are placed: every message stays in the outbox
        var ids = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            ids.Add(Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k" + i, Order(("A", 1)), Ct)).Order.OrderId);
        }

        h.Publisher.Fail = false;
        h.Time.Advance(h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        var bad = ids.OrderBy(id => OrderIds.PartitionOf(id), StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal).First();
        h.Publisher.FailWhen = m => m.CorrelationId == bad;

        var failed = await Assert.ThrowsAsync<AggregateException>(() => h.OutboxSweep.RunAsync(Ct));

        Assert.NotEmpty(failed.InnerExceptions);
        var published = h.Publisher.Published.Select(p => p.Message.CorrelationId).ToHashSet();
        Assert.True(ids.Where(id => id != bad).All(published.Contains), "A message after the failing one was not published.");
        Assert.DoesNotContain(bad, published);
        Assert.Equal(failed.InnerExceptions.Count, await OutboxRowsAsync(h));

        h.Publisher.FailWhen = null;
        Assert.Equal(failed.InnerExceptions.Count, await h.OutboxSweep.RunAsync(Ct));
        Assert.Contains(bad, h.Publisher.Published.Select(p => p.Message.CorrelationId));
        Assert.Equal(0, await OutboxRowsAsync(h));
    }

    private static async Task<OrderingHarness> ArrangeAsync(FaultInjectingTableStore store)
    {
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: Orders * 2);
        return h;
    }

    private static async Task<int> OutboxRowsAsync(OrderingHarness h)
    {
        var rows = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var _ in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(partition, "outbox|"), 100, Ct))
            {
                rows++;
            }
        }

        return rows;
    }
}
