using System.Collections.Concurrent;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;

namespace Presale.Benchmarks.Compensation;

/// <summary>
/// The in-memory twin with one <see cref="InMemoryTableStore"/> per (table, partition). The twin answers a query by
/// walking its whole table, so at 100,000 orders every partition-pinned range read would cost a walk over every
/// order's rows and the benchmark would measure the twin; Table Storage serves such a read from its index. Split per
/// partition, each read walks its own partition only, with the twin's semantics otherwise (ETags, conditional writes,
/// entity-group transactions, keyset continuation tokens). A query that does not pin one partition is refused: the
/// sweeps never make one.
/// </summary>
public sealed class PartitionedTwinStore : ITableStore
{
    private readonly ConcurrentDictionary<(string Table, string Partition), InMemoryTableStore> _partitions = new();
    private readonly ConcurrentDictionary<string, bool> _tables = new(StringComparer.Ordinal);

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        _tables.TryAdd(table, true);
        return Task.CompletedTask;
    }

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        Of(table, partitionKey).GetAsync(table, partitionKey, rowKey, cancellationToken);

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Of(table, entity.PartitionKey).InsertAsync(table, entity, cancellationToken);

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Of(table, entity.PartitionKey).ReplaceAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Of(table, entity.PartitionKey).MergeAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        Of(table, entity.PartitionKey).UpsertAsync(table, entity, merge, cancellationToken);

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Of(table, partitionKey).DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var partition = PinnedPartition(filter) ?? throw new NotSupportedException($"A query of {table} that does not pin one partition: {filter}.");
        return Of(table, partition).QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Of(table, operations[0].Entity.PartitionKey).SubmitTransactionAsync(table, operations, cancellationToken);
    }

    private InMemoryTableStore Of(string table, string partition)
    {
        if (!_tables.ContainsKey(table))
        {
            throw new InvalidOperationException($"Table {table} does not exist.");
        }

        return _partitions.GetOrAdd((table, partition), key =>
        {
            var twin = new InMemoryTableStore();
            twin.CreateTableIfNotExistsAsync(key.Table).GetAwaiter().GetResult();
            return twin;
        });
    }

    private static string? PinnedPartition(TableFilter filter) => filter switch
    {
        TableFilter.Comparison { Property: "PartitionKey", Operator: FilterOperator.Eq, Value: string partition } => partition,
        TableFilter.And and => PinnedPartition(and.Left) ?? PinnedPartition(and.Right),
        _ => null,
    };
}
