using Microsoft.Extensions.Logging;
using Presale.Application.Messaging;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Publishes outbox messages to their queues (the reconcile queue unless a row names another), then deletes their rows. A message whose publish fails stays in
/// the outbox for <see cref="OutboxSweep"/>; one published but not deleted is published again with the same id.
/// </summary>
public sealed partial class OutboxPublisher(ITableStore store, IMessagePublisher publisher, OrdersOptions options, ILogger<OutboxPublisher> logger)
{
    /// <summary>Publishes <paramref name="message"/> and removes it from the outbox; throws if publishing fails.</summary>
    public Task PublishAsync(string partition, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PublishAsync(partition, OutboxRows.RowKey(message), message, cancellationToken);
    }

    /// <summary>Publishes an outbox row of the orders table (see the overload with a table).</summary>
    public Task PublishAsync(string partition, string rowKey, OutboxMessage message, CancellationToken cancellationToken) =>
        PublishAsync(options.OrdersTable, partition, rowKey, message, cancellationToken);

    /// <summary>
    /// Publishes <paramref name="message"/> to its queue (<see cref="OutboxMessage.Queue"/>, or the reconcile queue) and
    /// then deletes its outbox row <paramref name="rowKey"/> from <paramref name="table"/>. A crash in between republishes
    /// it later under the same message id.
    /// </summary>
    public async Task PublishAsync(string table, string partition, string rowKey, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await publisher.PublishAsync(
            message.Queue ?? options.ReconcileQueue,
            new OutboundMessage(message.MessageId, message.Body, message.CorrelationId, message.Subject),
            cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(table, partition, rowKey, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing published outbox message {message.MessageId} failed with {deleted.Status}.");
        }
    }

    /// <summary>Publishes an outbox row of <paramref name="table"/>; a failure is logged and left for the sweeper (false).</summary>
    public async Task<bool> TryPublishAsync(string table, string partition, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await PublishAsync(table, partition, OutboxRows.RowKey(message), message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweeper(logger, error, message.MessageId);
            return false;
        }
    }

    /// <summary>
    /// Publishes right after the state change was committed. A failure is logged and left to the sweeper: the change is
    /// committed, and the message is safe in the outbox.
    /// </summary>
    public async Task<bool> TryPublishAsync(string partition, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(partition, message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweeper(logger, error, message.MessageId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} failed; the outbox sweeper will publish it.")]
    private static partial void LogLeftForSweeper(ILogger logger, Exception error, string messageId);
}
