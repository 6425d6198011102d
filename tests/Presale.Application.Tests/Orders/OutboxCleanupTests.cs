using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Published outbox rows of the orders table are deleted by the partition's next transaction, or in batches once they
/// are half the outbox grace old: never left behind, never published twice, never failing the transaction they ride on.
/// </summary>
public sealed class OutboxCleanupTests
{
    [Fact]
    public async Task PublishedRows_RideAlongWithTheNextTransactionInTheirPartition()
    {
        var h = await ArrangeAsync();
        var (first, second) = TwoKeysInOnePartition();

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(first, Order(("A", 1)), Ct));
        Assert.Equal(2, h.Cleanup.Count);
        Assert.Equal(2, await OutboxRowsAsync(h, placed.Order.OrderId));

        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(second, Order(("A", 1)), Ct));

        Assert.Equal(0, await OutboxRowsAsync(h, placed.Order.OrderId));
        Assert.Equal(2, h.Cleanup.Count); // the second order's rows, for the partition's next transaction
    }

    [Fact]
    public async Task ARowTheTransactionWritesItself_DoesNotRideOnIt_AndStaysRemembered()
    {
        // Two writers of one change (a shipment settled by its request and by a cancellation at once) write the same
        // outbox row; the one that published it remembers it. The other's transaction must not also delete it.
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        var partition = OrderIds.ForIdempotencyKey("key-0").Partition;
        await h.Store.CreateTableIfNotExistsAsync(h.Options.OrdersTable, Ct);
        var row = new TableEntity(partition, "outbox|0000000000000000001|o1-shipped-1", new Dictionary<string, object?> { ["Body"] = "{}" });
        h.Cleanup.Add(partition, row.RowKey, h.Time.GetUtcNow());
        var sent = new List<IReadOnlyList<TableOperation>>();
        store.Before = call =>
        {
            sent.Add(call.Operations);
            return Task.CompletedTask;
        };

        var result = await h.Cleanup.SubmitAsync(partition, [TableOperation.Insert(row)], Ct);

        Assert.True(result.Succeeded);
        Assert.Equal([TableOperationKind.Insert], Assert.Single(sent).Select(o => o.Kind));
        Assert.Equal(1, h.Cleanup.Count);
    }

    [Fact]
    public async Task APiggybackedRowAlreadyGone_IsDropped_AndTheTransactionStillCommits()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        var (first, second) = TwoKeysInOnePartition();
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(first, Order(("A", 1)), Ct));
        var partition = OrderIds.PartitionOf(placed.Order.OrderId)!;

        // Someone (a sweeper elsewhere) removed one of the published rows already.
        var gone = (await RowKeysAsync(h, placed.Order.OrderId))[0];
        Assert.True((await h.Store.DeleteAsync(h.Options.OrdersTable, partition, gone, ETag.Any, Ct)).Succeeded);
        var batches = new List<int>();
        store.Before = call =>
        {
            if (call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Table == h.Options.OrdersTable)
            {
                batches.Add(call.Operations.Count);
            }

            return Task.CompletedTask;
        };

        var next = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(second, Order(("A", 1)), Ct));

        Assert.Equal([2 + 2, 2 + 1], batches.Take(2)); // pending order + both deletes; again without the missing row
        Assert.Equal(0, await OutboxRowsAsync(h, placed.Order.OrderId));
        Assert.Equal(Domain.Orders.OrderStatus.Confirmed, (await h.Orders.GetAsync(next.Order.OrderId, Ct))!.Order.Status);
        Assert.Equal(4, h.Publisher.Published.Count);
    }

    [Fact]
    public async Task RowsHalfTheGraceOld_AreNotTakenAlong_ButFlushed_AndTheSweepDoesNotPublishThemAgain()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = await ArrangeAsync(store);
        var (first, second) = TwoKeysInOnePartition();
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(first, Order(("A", 1)), Ct));
        h.Time.Advance(h.Options.OutboxGrace / 2 + TimeSpan.FromSeconds(1));
        var insert = new List<int>();
        store.Before = call =>
        {
            if (call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Table == h.Options.OrdersTable && insert.Count == 0)
            {
                insert.Add(call.Operations.Count);
            }

            return Task.CompletedTask;
        };

        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync(second, Order(("A", 1)), Ct));
        Assert.Equal([2], insert); // the pending order and its marker only: the first order's rows are too old to ride along

        h.Time.Advance(h.Options.OutboxGrace);
        Assert.Equal(0, await h.OutboxSweep.RunAsync(Ct));

        Assert.Equal(0, await OutboxRowsAsync(h, placed.Order.OrderId));
        Assert.Equal(4, h.Publisher.Published.Count); // two orders, two messages each, once
    }

    [Fact]
    public async Task RowsNoTransactionTakes_AreFlushedOnTheTimer_AndOnShutdown()
    {
        var h = await ArrangeAsync();
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k1", Order(("A", 1)), Ct));

        h.Time.Advance(h.Options.OutboxGrace / 2); // the flush timer ticks every quarter of the grace
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (h.Cleanup.Count > 0 && TimeProvider.System.GetUtcNow() < until)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(0, h.Cleanup.Count);
        Assert.Equal(0, await OutboxRowsAsync(h, placed.Order.OrderId));

        var last = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k2", Order(("A", 1)), Ct));
        await h.Cleanup.DisposeAsync();
        Assert.Equal(0, await OutboxRowsAsync(h, last.Order.OrderId));
    }

    private static async Task<OrderingHarness> ArrangeAsync(FaultInjectingTableStore? store = null)
    {
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        return h;
    }

    private static (string First, string Second) TwoKeysInOnePartition()
    {
        var partition = OrderIds.ForIdempotencyKey("key-0").Partition;
        var second = Enumerable.Range(1, 10_000).Select(i => "key-" + i).First(k => OrderIds.ForIdempotencyKey(k).Partition == partition);
        return ("key-0", second);
    }

    private static async Task<List<string>> RowKeysAsync(OrderingHarness h, string orderId)
    {
        var keys = new List<string>();
        await foreach (var row in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(OrderIds.PartitionOf(orderId)!, "outbox|"), 100, Ct))
        {
            if (row.GetString("CorrelationId") == orderId)
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }

    private static async Task<int> OutboxRowsAsync(OrderingHarness h, string orderId) => (await RowKeysAsync(h, orderId)).Count;
}
