using Presale.Application.Storage;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Wraps a store and makes chosen calls fail as an unreachable store would: either exactly call number N
/// (<c>failCall</c>), or every call from N on (<c>failFrom</c>, a process that died). Calls are counted
/// from 1 after <c>Arm</c>.
/// </summary>
internal sealed class FaultInjectingTableStore(ITableStore inner) : ITableStore
{
    private int _calls;
    private int? _failCall;
    private int? _failFrom;

    public int Calls => Volatile.Read(ref _calls);

    public void Arm(int? failCall = null, int? failFrom = null)
    {
        Interlocked.Exchange(ref _calls, 0);
        _failCall = failCall;
        _failFrom = failFrom;
    }

    public void Disarm()
    {
        _failCall = null;
        _failFrom = null;
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public async Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.InsertAsync(table, entity, cancellationToken);
    }

    public async Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);
    }

    public async Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.MergeAsync(table, entity, ifMatch, cancellationToken);
    }

    public async Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.UpsertAsync(table, entity, merge, cancellationToken);
    }

    public async Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
    }

    public async Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public async Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        Tick();
        return await inner.SubmitTransactionAsync(table, operations, cancellationToken);
    }

    private void Tick()
    {
        var call = Interlocked.Increment(ref _calls);
        if (call == _failCall || call >= _failFrom)
        {
            throw new IOException($"Injected storage failure at call {call}.");
        }
    }
}
