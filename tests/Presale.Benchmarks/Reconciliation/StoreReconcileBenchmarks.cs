using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Presale.Benchmarks.Reconciliation;

/// <summary>
/// The reconcile function's work on a real store: 100,000 open orders of one SKU after one lot's ETA moved (alternately
/// 10 days later and back, so every iteration has a change to apply), against the baseline of reading those same
/// 100,000 orders by id from the same store in the same run. Target: reconcile ≤ 2× the read, writing only the orders
/// whose line changed (printed as lines starting with "RECONCILE").
/// Run: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*StoreReconcile*'</c>.
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class StoreReconcileBenchmarks
{
    private readonly List<(int Written, int Notified, long Reads, long Queries, long Writes, long Batches)> _runs = [];
    private ReconcileStoreRig _rig = null!;
    private (long Reads, long Queries, long Writes, long Batches) _before;

    [Params("twin", "azurite")]
    public string Store { get; set; } = "twin";

    [Params(100_000)]
    public int Orders { get; set; }

    /// <summary>Seeds the store (synchronously: the in-process toolchain does not await an async set-up).</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _rig = await ReconcileStoreRig.CreateAsync(CountedStore.Create(Store), Orders, seed: 42);
        var settled = await _rig.ReconcileAsync();
        if (settled.OrdersWritten != 0)
        {
            throw new InvalidOperationException($"The seeded SKU was not settled: {settled.OrdersWritten} orders written.");
        }
    }

    [IterationSetup(Target = nameof(Reconcile))]
    public void SlipOneLot()
    {
        _rig.SlipAsync().GetAwaiter().GetResult();
        _before = (_rig.Counter.Reads, _rig.Counter.Queries, _rig.Counter.Writes, _rig.Counter.Batches);
    }

    /// <summary>The baseline: read every open order of the SKU by id.</summary>
    [Benchmark(Baseline = true, Description = "read 100k orders")]
    public Task<int> ReadOrders() => _rig.ReadOrdersAsync();

    /// <summary>Reconcile after the ETA change: read, re-plan, write the changed orders with their notices.</summary>
    [Benchmark(Description = "reconcile after 1 ETA change")]
    public async Task<int> Reconcile()
    {
        var result = await _rig.ReconcileAsync();
        var batches = _rig.Counter.Batches - _before.Batches;
        _runs.Add((result.OrdersWritten, result.Notifications, _rig.Counter.Reads - _before.Reads, _rig.Counter.Queries - _before.Queries, _rig.Counter.Writes - _before.Writes, batches));
        Check(result.OrdersWritten, result.Notifications, batches);
        return result.OrdersWritten;
    }

    /// <summary>
    /// Throws unless the run wrote exactly the orders the slip changes (worked out from the seeded pegging, see
    /// <see cref="ReconcileStoreRig.OrdersOnSwappedLots"/>) and its transactions are what those writes allow: one supply
    /// commit (plan fence, with ledger and shards when they change); the orders packed per partition into transactions
    /// of up to 100 operations (1–3 per order: the order, its notice's outbox row, its compensation index row); their
    /// reservation rows' copies in batches of 100; and the notices' outbox clean-up, one batch per 100 rows of an order
    /// partition.
    /// </summary>
    private void Check(int written, int notified, long batches)
    {
        if (written != _rig.OrdersOnSwappedLots)
        {
            throw new InvalidOperationException($"Reconcile wrote {written} orders; the slip changes exactly the {_rig.OrdersOnSwappedLots} orders pegged to {ReconcileStoreRig.SlippingLot} or {ReconcileStoreRig.NeighbourLot}.");
        }

        var partitions = ReconcileStoreRig.OrderPartitions;
        var copies = (written + 99) / 100;
        var cleanUp = (notified + 99) / 100;
        var least = 1 + ((written + 99) / 100) + copies + cleanUp;
        var most = 1 + ((3 * written) / 100) + partitions + copies + cleanUp + (notified == 0 ? 0 : partitions);
        if (batches < least || batches > most)
        {
            throw new InvalidOperationException($"Reconcile submitted {batches} batches; {written} order writes and {notified} notices allow {least}–{most}.");
        }
    }

    /// <summary>
    /// Monitoring strategy (1 warm-up, 4 iterations of 1 invocation: each is seconds long and changes state), run in the
    /// benchmark process: a seeded 100,000-order store is set up once, and BenchmarkDotNet's generated project does not
    /// restore against Application Insights' old dependencies with warnings as errors.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(4)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }

    private async Task CleanupAsync()
    {
        foreach (var run in _runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RECONCILE store={Store} orders={_rig.OrderCount} written={run.Written} notifications={run.Notified} point-reads={run.Reads} query-pages={run.Queries} single-writes={run.Writes} batches={run.Batches}"));
        }

        await _rig.DisposeAsync();
    }
}
