using Presale.Application.Storage;

namespace Presale.Adapters.Diagnostics;

/// <summary>
/// An <see cref="ITableStore"/> decorator counting one storage transaction per call, by kind (one per query page, one
/// per entity-group transaction), as Table Storage bills them when no request is retried. For the in-memory twin, which
/// sends no requests for a <see cref="StorageTransactionCountingPolicy"/> to count; it counts the same workload as the
/// policy does on the SDK adapter.
/// </summary>
public sealed class CountingTableStore(ITableStore inner, StorageTransactionCounter counter) : ITableStore
{
    /// <summary>The counter this decorator increments.</summary>
    public StorageTransactionCounter Counter => counter;

    /// <inheritdoc />
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Other);
        return inner.CreateTableIfNotExistsAsync(table, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Read);
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Write);
        return inner.InsertAsync(table, entity, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Write);
        return inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Write);
        return inner.MergeAsync(table, entity, ifMatch, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Write);
        return inner.UpsertAsync(table, entity, merge, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Write);
        return inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Query);
        return inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        counter.Increment(StorageTransactionKind.Batch);
        return inner.SubmitTransactionAsync(table, operations, cancellationToken);
    }
}
