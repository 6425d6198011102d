using Presale.Application.Storage;

namespace Presale.Benchmarks.Orders;

/// <summary>Counts storage transactions (billable requests) by kind: point reads, query pages, single writes, batches.</summary>
public sealed class CountingTableStore(ITableStore inner) : ITableStore
{
    private long _reads;
    private long _queries;
    private long _writes;
    private long _batches;

    public long Reads => Interlocked.Read(ref _reads);

    public long Queries => Interlocked.Read(ref _queries);

    public long Writes => Interlocked.Read(ref _writes);

    public long Batches => Interlocked.Read(ref _batches);

    public long Total => Reads + Queries + Writes + Batches;

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _queries, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _batches, 0);
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.InsertAsync(table, entity, cancellationToken);
    }

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);
    }

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.MergeAsync(table, entity, ifMatch, cancellationToken);
    }

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.UpsertAsync(table, entity, merge, cancellationToken);
    }

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
    }

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _batches);
        return inner.SubmitTransactionAsync(table, operations, cancellationToken);
    }
}
