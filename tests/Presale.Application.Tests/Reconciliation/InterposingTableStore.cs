using Presale.Application.Storage;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>
/// Wraps a store and, while <see cref="FailWrites"/> is set, makes every write touching a row it matches throw as a
/// process dying at that point would (nothing of that write is applied). Reads and other writes pass through.
/// </summary>
internal sealed class WriteFaultTableStore(ITableStore inner) : ITableStore
{
    /// <summary>Rows (table, row key) whose writes fail; null lets every write through.</summary>
    public Func<string, string, bool>? FailWrites { get; set; }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

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

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
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
