using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.DelayConsent;

/// <summary>
/// Customer notifications written in the order's partition of the orders table in the same transaction as the change
/// they announce (<c>notify|{created ticks}|{key}</c>), published to the notifications queue right after the commit
/// (message id = de-duplication key) and then deleted. The consent sweep publishes the rows a dying request left behind
/// (<see cref="PendingAsync"/>, <see cref="PublishRowAsync"/>): one row-key range per order partition, no scan.
/// </summary>
public sealed partial class NotificationOutbox(
    ITableStore store,
    IMessagePublisher publisher,
    OrdersOptions orders,
    NotificationsOptions notifications,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>The row-key prefix of pending notification rows.</summary>
    public const string Prefix = "notify|";

    /// <summary>The insert that stores <paramref name="message"/> in <paramref name="partition"/>.</summary>
    public static TableOperation Insert(string partition, NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TableOperation.Insert(new TableEntity(partition, RowKey(message), new Dictionary<string, object?>
        {
            ["Body"] = NotificationMessageSerializer.Serialize(message),
        }));
    }

    /// <summary>The row key of <paramref name="message"/>.</summary>
    public static string RowKey(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Prefix + message.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + message.DeduplicationKey;
    }

    /// <summary>Publishes the committed row of <paramref name="message"/> and deletes it; a failure is logged and left to the sweep.</summary>
    public async Task<bool> TryPublishAsync(string partition, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await PublishAsync(partition, RowKey(message), message.ToOutboundMessage(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweep(logger, error, message.DeduplicationKey);
            return false;
        }
    }

    /// <summary>
    /// The rows created before <paramref name="before"/> (left behind by a request that died before publishing): one
    /// row-key range per order partition, read in pages.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> PendingAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(orders.OrdersTable, cancellationToken).ConfigureAwait(false);
        var upper = Prefix + before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in store.QueryAllAsync(orders.OrdersTable, TableFilter.RowRange(partition, Prefix, upper), 100, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>Publishes a row read by <see cref="PendingAsync"/> and deletes it; throws when its body is not a notification message.</summary>
    public async Task PublishRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = NotificationMessageSerializer.Deserialize(row.GetString("Body") ?? string.Empty);
        await PublishAsync(row.PartitionKey, row.RowKey, message.ToOutboundMessage(), cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishAsync(string partition, string rowKey, OutboundMessage message, CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(notifications.Queue, message, cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(orders.OrdersTable, partition, rowKey, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing published notification row {rowKey} failed with {deleted.Status}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing notification {Key} failed; the consent sweep will publish it.")]
    private static partial void LogLeftForSweep(ILogger logger, Exception error, string key);
}
