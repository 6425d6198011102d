using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>
/// Sends a dead-lettered notification again once the operator fixed what made it fail (the shop's receiver, its
/// secret). The message goes through the orders outbox, so it is not lost if the process dies: (1) an outbox row with
/// the notification is written; (2) the delivery record is reset to Pending with a fresh attempt count, conditional on
/// the version read (of two concurrent retries one wins; the other removes its row and answers NotDeadLettered);
/// (3) the dead-letter list entry is removed; (4) the row is published to the notifications queue and deleted, or, if
/// publishing fails, left for the outbox sweeper. Delivery stays at most once per key: the delivery record's lease and
/// Delivered status still guard every POST.
/// </summary>
/// <remarks>
/// A process that dies between (1) and (2) leaves a row whose message finds the record still dead-lettered: it fails
/// and the notification stays in the list, to be retried again. Each retry's message id is the key plus the retry
/// instant, so the broker's duplicate detection (which saw the original message id) does not drop it.
/// </remarks>
public sealed partial class DeadLetterRetryHandler(
    NotificationDeliveryStore deliveries,
    ITableStore store,
    OutboxPublisher outbox,
    OrdersOptions orders,
    NotificationsOptions options,
    TimeProvider timeProvider,
    ILogger<DeadLetterRetryHandler> logger)
{
    /// <summary>The longest message id the broker accepts.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>Resets and re-queues the dead-lettered notification <paramref name="deduplicationKey"/>.</summary>
    public async Task<DeadLetterRetryResult> RetryAsync(string deduplicationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deduplicationKey);
        var record = await deliveries.GetAsync(deduplicationKey, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new DeadLetterRetryResult.NotFound(deduplicationKey);
        }

        if (record.Status != NotificationDeliveryStatus.DeadLettered)
        {
            // A retry that died after resetting the record left its list entry behind: tidy it.
            if (record.DeadLetteredAt is not null)
            {
                await deliveries.RemoveDeadLetterAsync(record, cancellationToken).ConfigureAwait(false);
            }

            return new DeadLetterRetryResult.NotDeadLettered(deduplicationKey, record.Status);
        }

        if (await deliveries.GetDeadLetterAsync(record, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return new DeadLetterRetryResult.NotFound(deduplicationKey);
        }

        var now = timeProvider.GetUtcNow();
        var message = NotificationMessage.From(entry.Notification, entry.CreatedAt).ToOutboundMessage();
        var queued = new OutboxMessage(RetryMessageId(deduplicationKey, now), message.Subject ?? string.Empty, message.Body, message.CorrelationId, now, options.Queue);
        var partition = OrderIds.PartitionOf(entry.Notification.OrderId) ?? OrderIds.Partitions[0];
        await store.CreateTableIfNotExistsAsync(orders.OrdersTable, cancellationToken).ConfigureAwait(false);
        var inserted = await store.InsertAsync(orders.OrdersTable, OutboxRows.Entity(partition, queued), cancellationToken).ConfigureAwait(false);
        if (!inserted.Succeeded)
        {
            throw new InvalidOperationException($"Queueing notification {deduplicationKey} again failed with {inserted.Status}.");
        }

        var reset = record with
        {
            Status = NotificationDeliveryStatus.Pending,
            Attempts = 0,
            LeaseHolder = null,
            LeaseUntil = null,
            Retries = record.Retries + 1,
            RetriedAt = now,
        };
        var written = await deliveries.ReplaceAsync(reset, record.ETag, cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            var removed = await store.DeleteAsync(orders.OrdersTable, partition, OutboxRows.RowKey(queued), ETag.Any, cancellationToken).ConfigureAwait(false);
            if (written.Status != WriteStatus.PreconditionFailed || !(removed.Succeeded || removed.Status == WriteStatus.NotFound))
            {
                throw new InvalidOperationException($"Resetting the delivery of notification {deduplicationKey} failed with {written.Status}.");
            }

            // Another retry reset it first.
            var current = await deliveries.GetAsync(deduplicationKey, cancellationToken).ConfigureAwait(false);
            return new DeadLetterRetryResult.NotDeadLettered(deduplicationKey, current?.Status ?? NotificationDeliveryStatus.Pending);
        }

        await deliveries.RemoveDeadLetterAsync(record, cancellationToken).ConfigureAwait(false);
        await outbox.TryPublishAsync(partition, queued, cancellationToken).ConfigureAwait(false);
        LogRequeued(logger, deduplicationKey, reset.Retries, queued.MessageId);
        return new DeadLetterRetryResult.Requeued(deduplicationKey, reset.Retries, queued.MessageId);
    }

    /// <summary>
    /// The message id of a retry at <paramref name="at"/>: <c>{key}|retry-{ticks}</c> (usable in an outbox row key), or, for a key too long for the
    /// broker, <c>retry-{ticks}-{hex SHA-256 of the key}</c> cut to <see cref="MaxMessageIdLength"/>.
    /// </summary>
    public static string RetryMessageId(string deduplicationKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(deduplicationKey);
        var ticks = at.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var plain = deduplicationKey + "|retry-" + ticks;
        if (plain.Length <= MaxMessageIdLength)
        {
            return plain;
        }

        var hashed = "retry-" + ticks + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deduplicationKey)));
        return hashed[..Math.Min(hashed.Length, MaxMessageIdLength)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Key} queued again (retry {Retries}, message {MessageId}).")]
    private static partial void LogRequeued(ILogger logger, string key, int retries, string messageId);
}
