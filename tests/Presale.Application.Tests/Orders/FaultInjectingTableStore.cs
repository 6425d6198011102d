using Presale.Application.Storage;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Wraps a store and makes chosen calls fail as an unreachable store would: either exactly call number N
/// (<c>failCall</c>), or every call from N on (<c>failFrom</c>, a process that died), or call N is applied and then its
/// answer is lost (<c>commitThenFail</c>: the write committed, the caller sees an error). Calls are counted from 1 after
/// <c>Arm</c>. Like the HTTP adapter, a call whose token is cancelled while it runs is applied and then throws.
/// <see cref="Before"/> runs before every call (to gate, observe or fail calls of one flow).
/// </summary>
internal sealed class FaultInjectingTableStore(ITableStore inner) : ITableStore
{
    private int _calls;
    private int? _failCall;
    private int? _failFrom;
    private int? _commitThenFail;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Runs before each call (an exception it throws is the call's).</summary>
    public Func<Call, Task>? Before { get; set; }

    public void Arm(int? failCall = null, int? failFrom = null, int? commitThenFail = null)
    {
        Interlocked.Exchange(ref _calls, 0);
        _failCall = failCall;
        _failFrom = failFrom;
        _commitThenFail = commitThenFail;
    }

    public void Disarm()
    {
        _failCall = null;
        _failFrom = null;
        _commitThenFail = null;
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.GetAsync), table, partitionKey, rowKey, []), () => inner.GetAsync(table, partitionKey, rowKey, cancellationToken), cancellationToken);

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.InsertAsync), table, entity.PartitionKey, entity.RowKey, []), () => inner.InsertAsync(table, entity, cancellationToken), cancellationToken);

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.ReplaceAsync), table, entity.PartitionKey, entity.RowKey, []), () => inner.ReplaceAsync(table, entity, ifMatch, cancellationToken), cancellationToken);

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.MergeAsync), table, entity.PartitionKey, entity.RowKey, []), () => inner.MergeAsync(table, entity, ifMatch, cancellationToken), cancellationToken);

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.UpsertAsync), table, entity.PartitionKey, entity.RowKey, []), () => inner.UpsertAsync(table, entity, merge, cancellationToken), cancellationToken);

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.DeleteAsync), table, partitionKey, rowKey, []), () => inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken), cancellationToken);

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.QueryAsync), table, PartitionOf(filter), null, []), () => inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken), cancellationToken);

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default) =>
        CallAsync(new(nameof(ITableStore.SubmitTransactionAsync), table, operations.FirstOrDefault()?.Entity.PartitionKey, null, operations), () => inner.SubmitTransactionAsync(table, operations, cancellationToken), cancellationToken);

    private async Task<T> CallAsync<T>(Call about, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        if (Before is { } before)
        {
            await before(about);
        }

        var number = Interlocked.Increment(ref _calls);
        if (number == _failCall || number >= _failFrom)
        {
            throw new IOException($"Injected storage failure at call {number}.");
        }

        var result = await call();
        if (number == _commitThenFail)
        {
            throw new IOException($"Injected lost answer after call {number} was applied.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private static string? PartitionOf(TableFilter filter) => filter switch
    {
        TableFilter.Comparison { Property: "PartitionKey", Operator: FilterOperator.Eq, Value: string partition } => partition,
        TableFilter.And and => PartitionOf(and.Left) ?? PartitionOf(and.Right),
        _ => null,
    };

    /// <summary>One call: the <see cref="ITableStore"/> method, its table, the partition (of a query: the one its filter names) and row it addresses, and a transaction's operations (else empty).</summary>
    internal sealed record Call(string Method, string Table, string? PartitionKey, string? RowKey, IReadOnlyList<TableOperation> Operations);
}
