using Presale.Application.Storage;

namespace Presale.Benchmarks.Compensation;

/// <summary>
/// Passes every call through; once armed, every <c>every</c>-th call first records the live managed heap after a full
/// collection, with the call's number. Used for one untimed pass: the samples show what the sweep holds while it runs.
/// </summary>
public sealed class HeapSamplingStore(ITableStore inner) : ITableStore
{
    private readonly Lock _gate = new();
    private long _calls;
    private long _every;

    public List<(long Call, long LiveBytes)> Samples { get; } = [];

    public long Calls => Interlocked.Read(ref _calls);

    public void Arm(long every)
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _every, every);
        lock (_gate)
        {
            Samples.Clear();
        }
    }

    public void Disarm() => Interlocked.Exchange(ref _every, 0);

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.InsertAsync(table, entity, cancellationToken);
    }

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);
    }

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.MergeAsync(table, entity, ifMatch, cancellationToken);
    }

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.UpsertAsync(table, entity, merge, cancellationToken);
    }

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
    }

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        Tick();
        return inner.SubmitTransactionAsync(table, operations, cancellationToken);
    }

    private void Tick()
    {
        var call = Interlocked.Increment(ref _calls);
        var every = Interlocked.Read(ref _every);
        if (every > 0 && call % every == 0)
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            lock (_gate)
            {
                Samples.Add((call, live));
            }
        }
    }
}
