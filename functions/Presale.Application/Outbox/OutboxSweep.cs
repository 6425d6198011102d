using Microsoft.Extensions.Logging;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Publishes outbox messages that were written but not published (the request died or the broker failed), older than
/// <see cref="OrdersOptions.OutboxGrace"/>. It reads the outbox row range of each order partition: no table scan. First
/// it flushes this instance's published rows that no transaction took along (<see cref="OutboxCleanup"/>), so they are
/// not published twice; the rows it publishes are deleted in one transaction per 100 of a partition. A message (or
/// partition) that fails is logged with its id and skipped, so it cannot hold up the others; the run still ends in an
/// exception naming how many failed.
/// </summary>
public sealed partial class OutboxSweep(ITableStore store, OutboxPublisher publisher, OutboxCleanup cleanup, OrdersOptions options, TimeProvider timeProvider, ILogger<OutboxSweep> logger)
{
    /// <summary>Publishes every due message; returns how many. Throws an <see cref="AggregateException"/> after the run if any failed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(options.OrdersTable, cancellationToken).ConfigureAwait(false);
        var before = timeProvider.GetUtcNow() - options.OutboxGrace;
        await cleanup.FlushAsync(all: false, cancellationToken).ConfigureAwait(false);
        var published = 0;
        var failures = new List<Exception>();
        foreach (var partition in OrderIds.Partitions)
        {
            var rows = new List<TableEntity>();
            try
            {
                var filter = TableFilter.RowRange(partition, OutboxRows.Prefix, OutboxRows.UpperBound(before));
                await foreach (var row in store.QueryAllAsync(options.OrdersTable, filter, 100, cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(row);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPartitionFailed(logger, error, partition);
                failures.Add(error);
            }

            var sent = new List<string>(rows.Count);
            foreach (var row in rows)
            {
                try
                {
                    await publisher.SendAsync(OutboxRows.Read(row), cancellationToken).ConfigureAwait(false);
                    sent.Add(row.RowKey);
                    published++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogMessageFailed(logger, error, row.GetString("MessageId") ?? row.RowKey, partition);
                    failures.Add(error);
                }
            }

            try
            {
                await cleanup.DeleteAsync(partition, sent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Published but not deleted: the next run publishes them again under the same ids.
                LogDeleteFailed(logger, error, sent.Count, partition);
                failures.Add(error);
            }
        }

        return failures.Count == 0
            ? published
            : throw new AggregateException($"The outbox sweep published {published} messages; {failures.Count} failed and are retried next run (logged with their message ids).", failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing outbox message {MessageId} of order partition {Partition} failed; the next sweep retries it.")]
    private static partial void LogMessageFailed(ILogger logger, Exception error, string messageId, string partition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting {Count} published outbox rows of order partition {Partition} failed; the next sweep publishes them again.")]
    private static partial void LogDeleteFailed(ILogger logger, Exception error, int count, string partition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the outbox of order partition {Partition} failed; the next sweep retries it.")]
    private static partial void LogPartitionFailed(ILogger logger, Exception error, string partition);
}
