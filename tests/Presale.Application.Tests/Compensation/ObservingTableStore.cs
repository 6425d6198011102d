using System.Collections.Concurrent;
using Presale.Application.Storage;

namespace Presale.Application.Tests.Compensation;

/// <summary>Passes every call through and records each query's table, page size, rows returned and whether it pinned one partition.</summary>
internal sealed class ObservingTableStore(ITableStore inner) : ITableStore
{
    public ConcurrentQueue<(string Table, int PageSize, int Rows, bool OnePartition)> Queries { get; } = new();

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) => inner.InsertAsync(table, entity, cancellationToken);

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.MergeAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, entity, merge, cancellationToken);

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);

    public async Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var page = await inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
        Queries.Enqueue((table, pageSize, page.Items.Count, PinsPartition(filter)));
        return page;
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitTransactionAsync(table, operations, cancellationToken);

    private static bool PinsPartition(TableFilter filter) => filter switch
    {
        TableFilter.Comparison { Property: "PartitionKey", Operator: FilterOperator.Eq } => true,
        TableFilter.And and => PinsPartition(and.Left) || PinsPartition(and.Right),
        _ => false,
    };
}
