using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Presale.Benchmarks.Orders;

/// <summary>
/// Orders accepted per second on ONE SKU with 64 concurrent clients, against 64 clients each on its own SKU (the
/// baseline), same store kind, same run. Ratio = hot time / baseline time per order, so hot throughput ÷ baseline
/// throughput = 1 / Ratio (target ≥ 0.7, i.e. Ratio ≤ 1.43). After each case the oversell check runs (reserved units
/// must equal accepted units for every SKU) and the storage transactions per single-line order and the p50/p99
/// latency are printed as lines starting with "ORDERS". Transactions are counted honestly: the published outbox rows
/// still waiting for a transaction to ride along with are flushed and their deletes counted too.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser(false)]
public class HotSkuBenchmarks
{
    public const int Clients = 64;
    public const int OrdersPerInvocation = 1024;
    private const string HotSku = "HOT";

    private OrderingRig _rig = null!;
    private List<string> _skus = [];

    [Params("twin", "azurite")]
    public string Store { get; set; } = "twin";

    [Params(32)]
    public int Shards { get; set; }

    [GlobalSetup(Target = nameof(SixtyFourSkus))]
    public async Task SetupSpreadAsync()
    {
        _skus = [.. Enumerable.Range(0, Clients).Select(Spread)];
        _rig = await OrderingRig.CreateAsync(CountedStore.Create(Store), Shards, _skus);
    }

    [GlobalSetup(Target = nameof(OneHotSku))]
    public async Task SetupHotAsync()
    {
        _skus = [HotSku];
        _rig = await OrderingRig.CreateAsync(CountedStore.Create(Store), Shards, _skus);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OrdersPerInvocation, Description = "64 clients, 64 SKUs")]
    public Task SixtyFourSkus() => _rig.RunAsync(Clients, OrdersPerInvocation, Spread);

    [Benchmark(OperationsPerInvoke = OrdersPerInvocation, Description = "64 clients, 1 hot SKU")]
    public Task OneHotSku() => _rig.RunAsync(Clients, OrdersPerInvocation, _ => HotSku);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var skus = _skus;
        long reserved = 0;
        foreach (var sku in skus)
        {
            var (byShards, byRows, capacity) = await _rig.ReservedAsync(sku);
            if (byShards != byRows || byShards > capacity)
            {
                throw new InvalidOperationException($"Oversell or drift on {sku}: shards {byShards}, rows {byRows}, capacity {capacity}.");
            }

            reserved += byShards;
        }

        if (_rig.Refused > 0 || reserved != _rig.Accepted)
        {
            throw new InvalidOperationException($"Accepted {_rig.Accepted} units ({_rig.Refused} refused) but {reserved} are reserved.");
        }

        // Every transaction of the concurrent run (all iterations), the final flush of the outbox clean-up included.
        await _rig.Cleanup.FlushAsync(all: true, default);
        var concurrent = (double)_rig.Counter.Count / _rig.Accepted;
        var sorted = _rig.LatenciesMs.Order().ToList();
        var perOrder = await MeasureTransactionsPerOrderAsync(skus[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ORDERS store={Store} case={(skus.Count == 1 ? "hot" : "64-skus")} accepted={_rig.Accepted} refused={_rig.Refused} reserved={reserved} oversell=none " +
            $"p50={OrderingRig.Percentile(sorted, 0.50):F2}ms p99={OrderingRig.Percentile(sorted, 0.99):F2}ms " +
            $"tx/order concurrent run={concurrent:F2} " +
            $"tx/order one at a time={perOrder.Steady:F2} (reads {perOrder.Reads:F2}, queries {perOrder.Queries:F2}, writes {perOrder.Writes:F2}, batches {perOrder.Batches:F2}), " +
            $"with the final flush={perOrder.WithFlush:F2}"));
        await _rig.DisposeAsync();
    }

    private static string Spread(int client) => "S" + client.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Storage transactions of single-line orders placed one at a time (no contention retries), averaged: in steady
    /// state (the outbox rows' deletes ride along with later transactions), and with the final flush of what is left.
    /// </summary>
    private async Task<(double Steady, double Reads, double Queries, double Writes, double Batches, double WithFlush)> MeasureTransactionsPerOrderAsync(string sku)
    {
        const int orders = 200;
        for (var i = 0; i < orders; i++)
        {
            await _rig.Place.PlaceAsync("warm-" + i.ToString(CultureInfo.InvariantCulture), OrderingRig.Order(sku), default); // fills every partition's buffer
        }

        _rig.Counter.Reset();
        for (var i = 0; i < orders; i++)
        {
            await _rig.Place.PlaceAsync("tx-" + i.ToString(CultureInfo.InvariantCulture), OrderingRig.Order(sku), default);
        }

        var counter = _rig.Counter;
        var (total, reads, queries, writes, batches) = (counter.Count, counter.Reads, counter.Queries, counter.Writes, counter.Batches);
        await _rig.Cleanup.FlushAsync(all: true, default);
        return ((double)total / orders, (double)reads / orders, (double)queries / orders, (double)writes / orders, (double)batches / orders, (double)counter.Count / orders);
    }
}
