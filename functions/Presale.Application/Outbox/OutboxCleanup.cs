using Microsoft.Extensions.Logging;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Removes published outbox rows of the orders table without a transaction of their own. A row whose message was
/// published right after its commit is remembered here (per order partition) and its delete is appended to the next
/// transaction this instance writes in the same partition (<see cref="SubmitAsync"/>: a pending order, a confirmation,
/// a cancellation), up to the 100 operations of an entity-group transaction. Only rows younger than half
/// <see cref="OrdersOptions.OutboxGrace"/> ride along, so a piggybacked delete never meets <see cref="OutboxSweep"/>
/// (which only reads rows older than the grace); older ones are deleted in batches per partition by
/// <see cref="FlushAsync"/>: on a timer every quarter of the grace, at the start of every outbox sweep, and when the
/// instance shuts down (<see cref="DisposeAsync"/>). Losing the buffer (a crash) only leaves published rows behind,
/// which the sweeper publishes again under the same message id and deletes.
/// </summary>
public sealed partial class OutboxCleanup : IAsyncDisposable
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    public const int MaxBatchOperations = 100;

    private readonly ITableStore _store;
    private readonly OrdersOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboxCleanup> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Published>> _published = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private ITimer? _timer;

    /// <summary>Creates the buffer for the orders table of <paramref name="options"/>.</summary>
    public OutboxCleanup(ITableStore store, OrdersOptions options, TimeProvider timeProvider, ILogger<OutboxCleanup> logger)
    {
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Published rows not deleted yet (all partitions).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _published.Values.Sum(l => l.Count);
            }
        }
    }

    private TimeSpan PiggybackAge => _options.OutboxGrace / 2;

    /// <summary>Remembers that the message of outbox row <paramref name="rowKey"/> (written at <paramref name="createdAt"/>) was published.</summary>
    public void Add(string partition, string rowKey, DateTimeOffset createdAt)
    {
        lock (_gate)
        {
            Buffer(partition).Add(new Published(rowKey, createdAt));
            var period = TimeSpan.FromTicks(Math.Max(_options.OutboxGrace.Ticks / 4, TimeSpan.TicksPerSecond));
            _timer ??= _timeProvider.CreateTimer(_ => FlushOnTimer(), null, period, period);
        }
    }

    /// <summary>
    /// Submits <paramref name="operations"/> (a transaction in <paramref name="partition"/> of the orders table) with the
    /// deletes of young published rows of that partition appended. The result speaks of <paramref name="operations"/>
    /// only: a piggybacked row already gone (NotFound) is dropped and the transaction submitted once more (then without
    /// any piggybacked deletes); if the caller's own operations fail, the rows stay remembered for the next one.
    /// </summary>
    public async Task<TransactionResult> SubmitAsync(string partition, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);

        // A row the transaction writes itself is not deleted by it (an entity appears once per transaction): two writers
        // of one change may write the same outbox row, the later one failing on its own as it should.
        var riders = Take(partition, MaxBatchOperations - operations.Count, operations.Select(o => o.Entity.RowKey).ToHashSet(StringComparer.Ordinal));
        if (riders.Count == 0)
        {
            return await _store.SubmitTransactionAsync(_options.OrdersTable, operations, cancellationToken).ConfigureAwait(false);
        }

        var own = operations.Count;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var result = await _store.SubmitTransactionAsync(
                    _options.OrdersTable,
                    [.. operations, .. riders.Select(r => TableOperation.Delete(partition, r.RowKey, ETag.Any))],
                    cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    riders.Clear();
                    return TransactionResult.Success([.. result.ETags.Take(own)]);
                }

                if (result is not { FailureStatus: WriteStatus.NotFound, FailedIndex: { } index } || index < own)
                {
                    return result; // the caller's own operation failed: the riders stay for the next transaction
                }

                // Already deleted (by the sweeper, or a flush that raced): drop it; a second miss sends the rest back.
                riders.RemoveAt(index - own);
                if (attempt > 1 || riders.Count == 0)
                {
                    Return(partition, riders);
                    riders.Clear();
                    return await _store.SubmitTransactionAsync(_options.OrdersTable, operations, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // On an exception the outcome is unknown: deleting again later is harmless (NotFound is fine).
            Return(partition, riders);
        }
    }

    /// <summary>
    /// Deletes the remembered rows (only those at least half the outbox grace old, unless <paramref name="all"/>) in
    /// one transaction per 100 rows of a partition; returns how many. A partition that fails is logged and its rows
    /// kept for the next flush (or, once past the grace, the sweeper).
    /// </summary>
    public async Task<int> FlushAsync(bool all, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deleted = 0;
            foreach (var (partition, rows) in TakeForFlush(all))
            {
                try
                {
                    deleted += await DeleteAsync(partition, [.. rows.Select(r => r.RowKey)], cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogFlushFailed(_logger, error, rows.Count, partition);
                    Return(partition, rows);
                }
            }

            return deleted;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Deletes outbox rows <paramref name="rowKeys"/> of <paramref name="partition"/> in transactions of at most 100; a row
    /// already gone is skipped. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteAsync(string partition, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var deleted = 0;
        foreach (var chunk in rowKeys.Chunk(MaxBatchOperations))
        {
            var keys = chunk.ToList();
            while (keys.Count > 0)
            {
                var result = await _store.SubmitTransactionAsync(_options.OrdersTable, [.. keys.Select(k => TableOperation.Delete(partition, k, ETag.Any))], cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    deleted += keys.Count;
                    break;
                }

                if (result is not { FailureStatus: WriteStatus.NotFound, FailedIndex: { } index })
                {
                    throw new InvalidOperationException($"Deleting published outbox rows of partition {partition} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
                }

                keys.RemoveAt(index); // already gone
            }
        }

        return deleted;
    }

    /// <summary>Stops the timer and deletes every remembered row (the instance is shutting down).</summary>
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await FlushAsync(all: true, CancellationToken.None).ConfigureAwait(false);
        _flushing.Dispose();
    }

    private void FlushOnTimer()
    {
        // One flush at a time; a tick that finds one running leaves the rows to the next.
        if (_flushing.CurrentCount == 0)
        {
            return;
        }

        _ = FlushLoggedAsync();
    }

    private async Task FlushLoggedAsync()
    {
        try
        {
            await FlushAsync(all: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException error)
        {
            // The instance shut down between the tick and the flush; DisposeAsync flushed everything.
            LogFlushAfterShutdown(_logger, error);
        }
    }

    private List<Published> Take(string partition, int max, IReadOnlySet<string> except)
    {
        var young = _timeProvider.GetUtcNow() - PiggybackAge;
        lock (_gate)
        {
            if (max <= 0 || !_published.TryGetValue(partition, out var rows))
            {
                return [];
            }

            var taken = rows.Where(r => r.CreatedAt > young && !except.Contains(r.RowKey)).Take(max).ToList();
            foreach (var row in taken)
            {
                rows.Remove(row);
            }

            return taken;
        }
    }

    private List<(string Partition, List<Published> Rows)> TakeForFlush(bool all)
    {
        var aged = _timeProvider.GetUtcNow() - PiggybackAge;
        lock (_gate)
        {
            var taken = new List<(string, List<Published>)>();
            foreach (var (partition, rows) in _published)
            {
                var due = all ? [.. rows] : rows.Where(r => r.CreatedAt <= aged).ToList();
                if (due.Count > 0)
                {
                    rows.RemoveAll(due.Contains);
                    taken.Add((partition, due));
                }
            }

            return taken;
        }
    }

    private void Return(string partition, List<Published> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            Buffer(partition).AddRange(rows);
        }
    }

    private List<Published> Buffer(string partition)
    {
        if (!_published.TryGetValue(partition, out var rows))
        {
            rows = [];
            _published[partition] = rows;
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting {Count} published outbox rows of order partition {Partition} failed; they are kept for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, Exception error, int count, string partition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An outbox clean-up tick came after shutdown; nothing to do.")]
    private static partial void LogFlushAfterShutdown(ILogger logger, Exception error);

    private sealed record Published(string RowKey, DateTimeOffset CreatedAt);
}
