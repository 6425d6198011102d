using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Benchmarks.Storage.HandWritten;

namespace Presale.Benchmarks.Storage;

/// <summary>
/// What the Azure.Data.Tables adapter costs against the hand-written REST adapter it replaced, on the same Azurite in
/// the same run: a point read, an insert, and a 100-operation entity-group transaction. Each benchmark runs its
/// operation sequentially (one request in flight), so the time is the adapter's client-side work plus Azurite's answer;
/// the ratio is the SDK adapter ÷ the hand-written one (the baseline of each category).
/// Run: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*AdapterCost*'</c> with
/// <c>PRESALE_TEST_STORAGE</c> naming the Azurite.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser(false)]
public class AdapterCostBenchmarks
{
    private const int Reads = 200;
    private const int Inserts = 200;
    private const int Batches = 5;

    private readonly string _table = "cost" + Guid.NewGuid().ToString("N")[..12];
    private ITableStore _sdk = null!;
    private ITableStore _handWritten = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads, Description = "point read, hand-written")]
    [BenchmarkCategory("point read")]
    public Task HandWrittenRead() => ReadAsync(_handWritten);

    [Benchmark(OperationsPerInvoke = Reads, Description = "point read, SDK")]
    [BenchmarkCategory("point read")]
    public Task SdkRead() => ReadAsync(_sdk);

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts, Description = "insert, hand-written")]
    [BenchmarkCategory("insert")]
    public Task HandWrittenInsert() => InsertAsync(_handWritten);

    [Benchmark(OperationsPerInvoke = Inserts, Description = "insert, SDK")]
    [BenchmarkCategory("insert")]
    public Task SdkInsert() => InsertAsync(_sdk);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batches, Description = "100-operation batch, hand-written")]
    [BenchmarkCategory("batch of 100")]
    public Task HandWrittenBatch() => BatchAsync(_handWritten);

    [Benchmark(OperationsPerInvoke = Batches, Description = "100-operation batch, SDK")]
    [BenchmarkCategory("batch of 100")]
    public Task SdkBatch() => BatchAsync(_sdk);

    private async Task SetupAsync()
    {
        var connection = CountedStore.AzuriteConnectionString;
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var account = StorageAccount.FromConnectionString(connection);
        _sdk = new TableStorageStore(account, new StorageClientOptions());
        _handWritten = new HandWrittenTableStore(account.TableEndpoint, account.AccountName, Convert.FromBase64String(parts["AccountKey"]), new StorageClientOptions());
        await _sdk.CreateTableIfNotExistsAsync(_table);
        var inserted = await _sdk.InsertAsync(_table, Row("read", "r"));
        if (!inserted.Succeeded)
        {
            throw new InvalidOperationException($"Seeding the read row failed with {inserted.Status}.");
        }
    }

    private async Task ReadAsync(ITableStore store)
    {
        for (var i = 0; i < Reads; i++)
        {
            _ = await store.GetAsync(_table, "read", "r") ?? throw new InvalidOperationException("The seeded row is missing.");
        }
    }

    private async Task InsertAsync(ITableStore store)
    {
        var partition = Next("i");
        for (var i = 0; i < Inserts; i++)
        {
            var result = await store.InsertAsync(_table, Row(partition, i.ToString("D4", CultureInfo.InvariantCulture)));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"An insert failed with {result.Status}.");
            }
        }
    }

    private async Task BatchAsync(ITableStore store)
    {
        for (var b = 0; b < Batches; b++)
        {
            var partition = Next("b");
            var result = await store.SubmitTransactionAsync(_table, [.. Enumerable.Range(0, 100).Select(i => TableOperation.Insert(Row(partition, i.ToString("D3", CultureInfo.InvariantCulture))))]);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"A batch failed at {result.FailedIndex} with {result.FailureStatus}.");
            }
        }
    }

    private string Next(string prefix) => prefix + Interlocked.Increment(ref _sequence).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An order-like row: a dozen properties of the common types.</summary>
    private static TableEntity Row(string partition, string row) => new(partition, row, new Dictionary<string, object?>
    {
        ["CustomerId"] = "customer-0001",
        ["Status"] = "Confirmed",
        ["Sku"] = "SKU-000042",
        ["Quantity"] = 3,
        ["UnitPrice"] = 19.99m,
        ["Currency"] = "EUR",
        ["PlacedAt"] = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        ["PromiseDate"] = "2026-03-20",
        ["Version"] = 7L,
        ["Score"] = 0.75,
        ["Priority"] = true,
        ["Lines"] = """[{"sku":"SKU-000042","quantity":3,"pegs":[{"lot":"L-1","units":3}]}]""",
    });

    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}
