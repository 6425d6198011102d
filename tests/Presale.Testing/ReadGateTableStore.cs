using System.Collections.Concurrent;
using Presale.Application.Storage;

namespace Presale.Testing;

/// <summary>
/// Wraps a store so that chosen reads by racing callers wait for each other after reading: every racer has read the
/// same version before any of them writes, which is the interleaving ETag guards and insert-only keys exist for. Bounded
/// waits (10 s, <see cref="TimeoutException"/>) keep a broken test from hanging. Refused writes are recorded, so a
/// test can show that the race really happened (one writer met AlreadyExists or PreconditionFailed).
/// </summary>
public sealed class ReadGateTableStore(ITableStore inner) : ITableStore
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, TableFilter Filter), Meeting> _queryMeetings = [];
    private string? _prefix;
    private Meeting? _pointMeeting;
    private string? _queryTable;
    private int _queryParties;
    private volatile string? _failWritesTo;

    /// <summary>Writes the inner store refused (status not Ok), in the order they happened.</summary>
    public ConcurrentQueue<(string Table, string PartitionKey, string RowKey, WriteStatus Status)> RefusedWrites { get; } = new();

    /// <summary>Every range query asked of the store (table, filter, page size), in the order they came.</summary>
    public ConcurrentQueue<(string Table, string Filter, int PageSize)> Queries { get; } = new();

    /// <summary>While set, single-row inserts and replaces of rows with this row key throw as an unreachable store would.</summary>
    public void FailWritesTo(string? rowKey) => _failWritesTo = rowKey;

    /// <summary>The next <paramref name="parties"/> point reads of rows whose key starts with <paramref name="rowKeyPrefix"/> wait for each other.</summary>
    public void Arm(string rowKeyPrefix, int parties)
    {
        lock (_gate)
        {
            _prefix = rowKeyPrefix;
            _pointMeeting = new Meeting(parties);
        }
    }

    /// <summary>
    /// From now on, each distinct query of <paramref name="table"/> (same filter) is a meeting: its first
    /// <paramref name="parties"/> runs wait for each other after reading; later runs of it pass. Two sweeps walking the
    /// same rows thus both read each row's state before either acts on it.
    /// </summary>
    public void ArmQueries(string table, int parties)
    {
        lock (_gate)
        {
            _queryTable = table;
            _queryParties = parties;
            _queryMeetings.Clear();
        }
    }

    /// <summary>Stops gating queries.</summary>
    public void DisarmQueries()
    {
        lock (_gate)
        {
            _queryTable = null;
        }
    }

    /// <inheritdoc />
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var entity = await inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
        Meeting? meeting = null;
        lock (_gate)
        {
            if (_prefix is not null && rowKey.StartsWith(_prefix, StringComparison.Ordinal))
            {
                meeting = _pointMeeting;
                if (meeting?.Arrive() != true)
                {
                    meeting = null;
                }

                if (_pointMeeting?.IsFull == true)
                {
                    _prefix = null;
                }
            }
        }

        if (meeting is not null)
        {
            await meeting.WaitAsync(cancellationToken);
        }

        return entity;
    }

    /// <inheritdoc />
    public async Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Queries.Enqueue((table, filter.ToString(), pageSize));
        var page = await inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);
        Meeting? meeting = null;
        lock (_gate)
        {
            if (_queryTable == table && continuationToken is null)
            {
                if (!_queryMeetings.TryGetValue((table, filter), out meeting))
                {
                    meeting = new Meeting(_queryParties);
                    _queryMeetings[(table, filter)] = meeting;
                }

                if (!meeting.Arrive())
                {
                    meeting = null;
                }
            }
        }

        if (meeting is not null)
        {
            await meeting.WaitAsync(cancellationToken);
        }

        return page;
    }

    /// <inheritdoc />
    public async Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Record(table, entity, await inner.InsertAsync(table, FailIfChosen(entity), cancellationToken));

    /// <inheritdoc />
    public async Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Record(table, entity, await inner.ReplaceAsync(table, FailIfChosen(entity), ifMatch, cancellationToken));

    /// <inheritdoc />
    public async Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Record(table, entity, await inner.MergeAsync(table, entity, ifMatch, cancellationToken));

    /// <inheritdoc />
    public async Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        Record(table, entity, await inner.UpsertAsync(table, entity, merge, cancellationToken));

    /// <inheritdoc />
    public async Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var result = await inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);
        if (!result.Succeeded)
        {
            RefusedWrites.Enqueue((table, partitionKey, rowKey, result.Status));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var result = await inner.SubmitTransactionAsync(table, operations, cancellationToken);
        if (!result.Succeeded && result.FailedIndex is { } index)
        {
            var failed = operations[index].Entity;
            RefusedWrites.Enqueue((table, failed.PartitionKey, failed.RowKey, result.FailureStatus));
        }

        return result;
    }

    private TableEntity FailIfChosen(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.RowKey == _failWritesTo ? throw new IOException("The store is unreachable.") : entity;
    }

    private WriteResult Record(string table, TableEntity entity, WriteResult result)
    {
        if (!result.Succeeded)
        {
            RefusedWrites.Enqueue((table, entity.PartitionKey, entity.RowKey, result.Status));
        }

        return result;
    }

    /// <summary>A barrier for a fixed number of parties; arrivals after it filled pass without waiting.</summary>
    private sealed class Meeting(int parties)
    {
        private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool IsFull => _arrived >= parties;

        /// <summary>Counts an arrival (call under the store's lock); false when the meeting was already full.</summary>
        public bool Arrive()
        {
            if (_arrived >= parties)
            {
                return false;
            }

            if (++_arrived == parties)
            {
                _full.SetResult();
            }

            return true;
        }

        public Task WaitAsync(CancellationToken cancellationToken) => _full.Task.WaitAsync(MaxWait, cancellationToken);
    }
}
