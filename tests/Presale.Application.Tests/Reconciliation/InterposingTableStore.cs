using Presale.Application.Storage;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>
/// Wraps a store to step between the code under test and storage: while <see cref="FailWrites"/> is set, every write
/// touching a row it matches throws as a process dying at that point would (nothing of that write is applied);
/// <see cref="AfterRead"/> runs after each point read, before its result is returned (to hold readers at a gate once
/// they have read); every query and transaction is recorded.
/// </summary>
internal sealed class InterposingTableStore(ITableStore inner) : ITableStore
{
    /// <summary>Awaited after each point read of (table, row key), before the caller sees the row; null returns at once.</summary>
    public Func<string, string, Task>? AfterRead { get; set; }

    /// <summary>Every query made: the table and its filter.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Table, TableFilter Filter, int PageSize)> Queries { get; } = new();

    /// <summary>Every transaction submitted: the table and its operations.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Table, IReadOnlyList<TableOperation> Operations)> Transactions { get; } = new();

    /// <summary>Rows (table, row key) whose writes fail; null lets every write through.</summary>
    public Func<string, string, bool>? FailWrites { get; set; }

    /// <summary>Create-table requests made.</summary>
    public int TablesCreated => Volatile.Read(ref _tablesCreated);

    private int _tablesCreated;

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _tablesCreated);
        return inner.CreateTableIfNotExistsAsync(table, cancellationToken);
    }

    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var row = await inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        if (AfterRead is { } gate)
        {
            await gate(table, rowKey);
        }

        return row;
    }

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Check(table, entity.RowKey) ?? inner.InsertAsync(table, entity, cancellationToken);

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Check(table, entity.RowKey) ?? inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Check(table, entity.RowKey) ?? inner.MergeAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        Check(table, entity.RowKey) ?? inner.UpsertAsync(table, entity, merge, cancellationToken);

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Check(table, rowKey) ?? inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        Queries.Enqueue((table, filter, pageSize));
        return inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        Transactions.Enqueue((table, operations));
        foreach (var operation in operations)
        {
            if (Check(table, operation.Entity.RowKey) is not null)
            {
                return Task.FromException<TransactionResult>(new IOException($"Injected failure writing {table}/{operation.Entity.RowKey}."));
            }
        }

        return inner.SubmitTransactionAsync(table, operations, cancellationToken);
    }

    private Task<WriteResult>? Check(string table, string rowKey) =>
        FailWrites?.Invoke(table, rowKey) == true ? Task.FromException<WriteResult>(new IOException($"Injected failure writing {table}/{rowKey}.")) : null;
}
