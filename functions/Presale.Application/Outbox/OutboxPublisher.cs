using Microsoft.Extensions.Logging;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Publishes outbox messages to their queues (the reconcile queue unless a row names another), and a row holding an
/// integration event addressed to the topic (<see cref="IntegrationEventOutbox.Topic"/>) to the event topic. A row of the orders
/// table published right after its commit is handed to <see cref="OutboxCleanup"/>, whose delete rides along with the
/// partition's next transaction; rows of other tables are deleted at once. A message whose publish fails stays in the
/// outbox for the sweeper; one published but not deleted is published again with the same id.
/// </summary>
public sealed partial class OutboxPublisher(ITableStore store, IMessagePublisher publisher, OrdersOptions options, OutboxCleanup cleanup, ILogger<OutboxPublisher> logger, IIntegrationEventPublisher events)
{
    /// <summary>
    /// Publishes <paramref name="message"/> to its queue (<see cref="OutboxMessage.Queue"/>, or the reconcile queue), or an
    /// integration event to the topic; its row is left as it is.
    /// </summary>
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Queue == IntegrationEventOutbox.Topic)
        {
            return events.PublishAsync(IntegrationEventOutbox.Read(message), cancellationToken);
        }

        return publisher.PublishAsync(
            message.Queue ?? options.ReconcileQueue,
            new OutboundMessage(message.MessageId, message.Body, message.CorrelationId, message.Subject),
            cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="message"/> to its queue and then deletes its outbox row <paramref name="rowKey"/> from
    /// <paramref name="table"/>. A crash in between republishes it later under the same message id.
    /// </summary>
    public async Task PublishAsync(string table, string partition, string rowKey, OutboxMessage message, CancellationToken cancellationToken)
    {
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
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
    /// Publishes a message of the orders table right after the state change was committed; its row's delete goes to
    /// <see cref="OutboxCleanup"/> (no transaction of its own). A failure is logged and left to the sweeper: the change
    /// is committed, and the message is safe in the outbox.
    /// </summary>
    public async Task<bool> TryPublishAsync(string partition, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweeper(logger, error, message.MessageId);
            return false;
        }

        cleanup.Add(partition, OutboxRows.RowKey(message), message.CreatedAt);
        return true;
    }

    /// <summary>
    /// Publishes many outbox rows of <paramref name="table"/> (<paramref name="parallelism"/> at a time), then deletes the
    /// published ones in one transaction per 100 rows of a partition instead of one delete each. A message whose publish
    /// fails is logged and left for the sweeper; a row already removed (by the sweeper) is fine. Returns how many were published.
    /// </summary>
    public async Task<int> TryPublishAllAsync(string table, IReadOnlyList<(string Partition, OutboxMessage Message)> messages, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var published = new System.Collections.Concurrent.ConcurrentBag<(string Partition, string RowKey)>();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (item, token) =>
        {
            try
            {
                await SendAsync(item.Message, token).ConfigureAwait(false);
                published.Add((item.Partition, OutboxRows.RowKey(item.Message)));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogLeftForSweeper(logger, error, item.Message.MessageId);
            }
        }).ConfigureAwait(false);

        var batches = published.GroupBy(p => p.Partition).SelectMany(g => g.Select(p => p.RowKey).Chunk(100).Select(keys => (Partition: g.Key, Keys: keys))).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            var result = await store.SubmitTransactionAsync(table, [.. batch.Keys.Select(k => TableOperation.Delete(batch.Partition, k, ETag.Any))], token).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            if (result.FailureStatus != WriteStatus.NotFound)
            {
                throw new InvalidOperationException($"Removing published outbox messages failed with {result.FailureStatus}.");
            }

            // One row was already gone: remove the rest one by one.
            foreach (var key in batch.Keys)
            {
                var deleted = await store.DeleteAsync(table, batch.Partition, key, ETag.Any, token).ConfigureAwait(false);
                if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
                {
                    throw new InvalidOperationException($"Removing published outbox message {key} failed with {deleted.Status}.");
                }
            }
        }).ConfigureAwait(false);
        return published.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} failed; the outbox sweeper will publish it.")]
    private static partial void LogLeftForSweeper(ILogger logger, Exception error, string messageId);
}
