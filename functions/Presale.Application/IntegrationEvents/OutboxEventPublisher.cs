using Microsoft.Extensions.Logging;
using Presale.Application.Outbox;
using Presale.Application.Storage;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// Integration events in outboxes that hold nothing else (the supplier partitions of the purchasing table, the alerts
/// table's partition): a producer writes the event's row (<see cref="Row"/>) in the transaction of the change it
/// announces, publishes it right after the commit (<see cref="TryPublishAsync"/>) and a timer publishes what was left
/// behind (<see cref="SweepAsync"/>); a published row is deleted. So an event is published if and only if its change
/// committed, at least once, under its key. While integration events are off (<c>Presale:Events:Topic</c> unset)
/// producers write no row, and a row left from when they were on is handed to <see cref="IntegrationEventsOff"/>,
/// which drops it with a warning.
/// </summary>
public sealed partial class OutboxEventPublisher(ITableStore store, IIntegrationEventPublisher events, IntegrationEventsOptions options, ILogger<OutboxEventPublisher> logger)
{
    /// <summary>The outbox message of the event <paramref name="create"/> builds, or null while integration events are off.</summary>
    public OutboxMessage? Message(Func<IntegrationEvent> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return options.Enabled ? IntegrationEventOutbox.Message(create()) : null;
    }

    /// <summary>The insert of <paramref name="message"/>'s row in <paramref name="partition"/>, to join the change's transaction.</summary>
    public static TableOperation Row(string partition, OutboxMessage message) => TableOperation.Insert(OutboxRows.Entity(partition, message));

    /// <summary>
    /// Publishes the event of a row just committed in <paramref name="partition"/> of <paramref name="table"/> and deletes
    /// the row; nothing for a null message. A failure is logged and the row left to the sweep (false): the change is
    /// committed and its event is safe in the outbox.
    /// </summary>
    public async Task<bool> TryPublishAsync(string table, string partition, OutboxMessage? message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return true;
        }

        try
        {
            await PublishAsync(table, partition, OutboxRows.RowKey(message), message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweep(logger, error, message.MessageId, table, partition);
            return false;
        }
    }

    /// <summary>
    /// Publishes and deletes every event row of <paramref name="partition"/> written before <paramref name="before"/>
    /// (one range query of the partition, oldest first). A row that fails is logged with its key and stays for the next
    /// sweep; the others go on. Returns how many were published and how many failed.
    /// </summary>
    public async Task<(int Published, int Failed)> SweepAsync(string table, string partition, DateTimeOffset before, int pageSize, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in store.QueryAllAsync(table, TableFilter.RowRange(partition, OutboxRows.Prefix, OutboxRows.UpperBound(before)), pageSize, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        int published = 0, failed = 0;
        foreach (var row in rows)
        {
            try
            {
                await PublishAsync(table, partition, row.RowKey, OutboxRows.Read(row), cancellationToken).ConfigureAwait(false);
                published++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failed++;
                LogSweepFailed(logger, error, row.GetString("MessageId") ?? row.RowKey, table, partition);
            }
        }

        return (published, failed);
    }

    private async Task PublishAsync(string table, string partition, string rowKey, OutboxMessage message, CancellationToken cancellationToken)
    {
        await events.PublishAsync(IntegrationEventOutbox.Read(message), cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(table, partition, rowKey, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing published event row {rowKey} of {table}/{partition} failed with {deleted.Status}; it is published again under the same key.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing integration event {Key} of {Table}/{Partition} failed; the sweep will publish it.")]
    private static partial void LogLeftForSweep(ILogger logger, Exception error, string key, string table, string partition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep: publishing integration event {Key} of {Table}/{Partition} failed; it stays for the next run.")]
    private static partial void LogSweepFailed(ILogger logger, Exception error, string key, string table, string partition);
}
