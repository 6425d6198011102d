using Presale.Adapters.Diagnostics;
using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Storage transactions of single-line orders, counted at the storage port (<see cref="CountingTableStore"/>: one per
/// call, as Table Storage bills them): at most 4 per order in steady state, the clean-up of published outbox rows
/// riding along with the next transaction in the same order partition; the rows left at the end cost at most one
/// transaction per partition, and none is left behind.
/// </summary>
public sealed class TransactionsPerOrderTests(ITestOutputHelper output)
{
    private const int WarmUp = 200;
    private const int Measured = 500;

    [Fact]
    public async Task SingleLineOrders_InSteadyState_TakeAtMostFourStorageTransactionsEach_IncludingTheOutboxCleanUp()
    {
        var counter = new StorageTransactionCounter();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var inner = new FaultInjectingTableStore(new InMemoryTableStore());
        inner.Before = call =>
        {
            lock (kinds)
            {
                kinds[call.Method] = kinds.GetValueOrDefault(call.Method) + 1;
            }

            return Task.CompletedTask;
        };
        var h = new OrderingHarness(new CountingTableStore(inner, counter));
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: WarmUp + Measured);
        for (var i = 0; i < WarmUp; i++)
        {
            Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("w" + i, Order(("A", 1)), Ct));
        }

        counter.Reset();
        lock (kinds)
        {
            kinds.Clear();
        }

        for (var i = 0; i < Measured; i++)
        {
            Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("m" + i, Order(("A", 1)), Ct));
        }

        var measured = counter.Count;
        var steady = (double)measured / Measured;
        var byKind = string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {(double)k.Value / Measured:F2}"));
        var flushed = await h.Cleanup.FlushAsync(all: true, Ct);
        var flushTransactions = counter.Count - measured;
        var withFlush = (double)counter.Count / Measured;
        output.WriteLine($"per order: {steady:F2} in steady state ({byKind}); {withFlush:F3} with the final flush of {flushed} rows");

        Assert.True(steady <= 4.0, $"{steady:F2} storage transactions per order ({byKind}).");
        Assert.True(flushTransactions <= OrderIds.Partitions.Count, $"The final flush took {flushTransactions} transactions, more than one per partition.");
        Assert.Equal(0, h.Cleanup.Count);
        Assert.Equal(0, await OutboxRowsAsync(h));
        Assert.Equal(2 * (WarmUp + Measured), h.Publisher.Published.Count); // each order's reconcile message and notice, once
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
