using Presale.Application.Storage;

namespace Presale.Application.Tests.Returns;

/// <summary>
/// Wraps a store so that, once armed, the first <c>parties</c> point reads of rows whose key starts with a prefix
/// wait for each other after reading: every racer has read the same version before any of them writes, which is the
/// interleaving the ETag guards exist for. A bounded wait keeps a broken test from hanging. It also records every
/// range query (table, filter, page size asked for).
/// </summary>
internal sealed class ReadGateTableStore(ITableStore inner) : ITableStore
{
    private readonly Lock _gate = new();
    private string? _prefix;
    private int _remaining;
    private TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Table, string Filter, int PageSize)> _queries = new();

    private volatile string? _failWritesTo;

    public IReadOnlyList<(string Table, string Filter, int PageSize)> Queries => [.. _queries];

    /// <summary>While set, single-row writes of rows with this row key throw as an unreachable store would.</summary>
    public void FailWritesTo(string? rowKey) => _failWritesTo = rowKey;

    public void Arm(string rowKeyPrefix, int parties)
    {
        lock (_gate)
        {
            _prefix = rowKeyPrefix;
            _remaining = parties;
            _allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var entity = await inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        Task? wait = null;
        lock (_gate)
        {
            if (_prefix is not null && rowKey.StartsWith(_prefix, StringComparison.Ordinal) && _remaining > 0)
            {
                wait = _allRead.Task;
                if (--_remaining == 0)
                {
                    _prefix = null;
                    _allRead.SetResult();
                }
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return entity;
    }

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        entity.RowKey == _failWritesTo ? throw new IOException("The store is unreachable.") : inner.InsertAsync(table, entity, cancellationToken);

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        entity.RowKey == _failWritesTo ? throw new IOException("The store is unreachable.") : inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.MergeAsync(table, entity, ifMatch, cancellationToken);

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, entity, merge, cancellationToken);

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        _queries.Enqueue((table, filter.ToString(), pageSize));
        return inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
    }

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default) =>
        inner.SubmitTransactionAsync(table, operations, cancellationToken);
}
