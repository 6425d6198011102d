using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Presale.Benchmarks.Compensation;

/// <summary>
/// The compensation timer's sweep over a backlog of due orders (5,000 and 100,000, tier 1 due for each) on the
/// partitioned in-memory twin, against the baseline of a bare paged read of the same index rows in the same run. Each
/// sweep iteration starts from a freshly seeded store (the sweep changes what it sweeps). Printed lines starting with
/// "COMPENSATION" give orders/s and storage transactions per order of every sweep; "COMPENSATION-MEMORY" the live heap
/// (after full collections) before, during and after one extra, untimed sweep, to show the sweep's own memory does not
/// grow with the backlog.
/// Run: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*CompensationSweep*'</c>.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class CompensationSweepBenchmarks
{
    private readonly List<string> _lines = [];
    private CompensationSweepRig _indexRig = null!;
    private CompensationSweepRig? _sweepRig;

    [Params(5_000, 100_000)]
    public int Orders { get; set; }

    /// <summary>Seeds the store the baseline reads (synchronously: the in-process toolchain does not await set-ups).</summary>
    [GlobalSetup]
    public void Setup() => _indexRig = CompensationSweepRig.CreateAsync(Orders).GetAwaiter().GetResult();

    /// <summary>A fresh backlog for every sweep.</summary>
    [IterationSetup(Target = nameof(Sweep))]
    public void SeedBacklog()
    {
        _sweepRig = null;
        GC.Collect();
        _sweepRig = CompensationSweepRig.CreateAsync(Orders).GetAwaiter().GetResult();
    }

    /// <summary>The baseline: read every due index row, one page of one partition at a time.</summary>
    [Benchmark(Baseline = true, Description = "paged read of the due index")]
    public async Task<int> ReadIndex()
    {
        var rows = await _indexRig.ReadIndexAsync();
        return rows == Orders ? rows : throw new InvalidOperationException($"Read {rows} index rows, not {Orders}.");
    }

    /// <summary>The sweep: assess every due order, issue tier 1, publish its notice, move the index row to tier 2.</summary>
    [Benchmark(Description = "compensation sweep")]
    public async Task<int> Sweep()
    {
        var rig = _sweepRig ?? throw new InvalidOperationException("No backlog seeded.");
        var clock = Stopwatch.StartNew();
        var result = await rig.Sweep.RunAsync(default);
        clock.Stop();
        if (result.OrdersVisited != Orders || result.AwardsIssued != Orders || result.Reindexed != Orders || result.Failed != 0 || result.OutOfTime)
        {
            throw new InvalidOperationException($"The sweep did not finish the backlog: {result}.");
        }

        var store = rig.Counter;
        _lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"COMPENSATION orders={Orders} seconds={clock.Elapsed.TotalSeconds:F2} orders/s={Orders / clock.Elapsed.TotalSeconds:F0} " +
            $"storage/order={(double)store.Count / Orders:F2} (point-reads={(double)store.Reads / Orders:F2} query-pages={(double)store.Queries / Orders:F2} " +
            $"single-writes={(double)store.Writes / Orders:F2} batches={(double)store.Batches / Orders:F2}) published/order={(double)rig.Publisher.Published / Orders:F2}"));
        return result.AwardsIssued;
    }

    [GlobalCleanup(Target = nameof(Sweep))]
    public void Cleanup()
    {
        _sweepRig = null;
        MeasureMemoryAsync().GetAwaiter().GetResult();
        foreach (var line in _lines)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>
    /// One more sweep, untimed, with the live heap sampled ~20 times (full collections) as it runs. The store grows as
    /// credits are written, so each sample is compared with the straight line from the heap before the sweep to the heap
    /// after it: what lies above that line is what the sweep itself holds while it runs.
    /// </summary>
    private async Task MeasureMemoryAsync()
    {
        var rig = await CompensationSweepRig.CreateAsync(Orders);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        rig.Heap.Arm(every: Math.Max(1, Orders * 7L / 20));
        var result = await rig.Sweep.RunAsync(default);
        rig.Heap.Disarm();
        var calls = rig.Heap.Calls;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var above = rig.Heap.Samples.Select(s => s.LiveBytes - (before + ((after - before) * s.Call / calls))).DefaultIfEmpty(0).Max();
        var peak = rig.Heap.Samples.Select(s => s.LiveBytes).DefaultIfEmpty(after).Max();
        _lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"COMPENSATION-MEMORY orders={Orders} visited={result.OrdersVisited} samples={rig.Heap.Samples.Count} live-before={before / 1048576.0:F1}MB " +
            $"live-after={after / 1048576.0:F1}MB peak-live={peak / 1048576.0:F1}MB sweep-working-set(max above the line)={above / 1048576.0:F1}MB"));
        GC.KeepAlive(rig);
        GC.KeepAlive(_indexRig);
    }

    /// <summary>
    /// Monitoring strategy (1 warm-up, 3 iterations of 1 invocation: each sweep is seconds long and changes state), run in
    /// the benchmark process (the generated project does not restore against Application Insights' old dependencies
    /// with warnings as errors).
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}
