using Microsoft.Extensions.Logging;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Publishes outbox messages that were written but not published (the request died or the broker failed), older than
/// <see cref="OrdersOptions.OutboxGrace"/>. It reads the outbox row range of each order partition: no table scan. A
/// message (or partition) that fails is logged with its id and skipped, so it cannot hold up the others; the run still
/// ends in an exception naming how many failed.
/// </summary>
public sealed partial class OutboxSweep(ITableStore store, OutboxPublisher publisher, OrdersOptions options, TimeProvider timeProvider, ILogger<OutboxSweep> logger)
{
    /// <summary>Publishes every due message; returns how many. Throws an <see cref="AggregateException"/> after the run if any failed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(options.OrdersTable, cancellationToken).ConfigureAwait(false);
        var before = timeProvider.GetUtcNow() - options.OutboxGrace;
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

            foreach (var row in rows)
            {
                try
                {
                    await publisher.PublishAsync(partition, row.RowKey, OutboxRows.Read(row), cancellationToken).ConfigureAwait(false);
                    published++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogMessageFailed(logger, error, row.GetString("MessageId") ?? row.RowKey, partition);
                    failures.Add(error);
                }
            }
        }

        return failures.Count == 0
            ? published
            : throw new AggregateException($"The outbox sweep published {published} messages; {failures.Count} failed and are retried next run (logged with their message ids).", failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing outbox message {MessageId} of order partition {Partition} failed; the next sweep retries it.")]
    private static partial void LogMessageFailed(ILogger logger, Exception error, string messageId, string partition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the outbox of order partition {Partition} failed; the next sweep retries it.")]
    private static partial void LogPartitionFailed(ILogger logger, Exception error, string partition);
}
