using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Outbox rows live in the partition of the entity they announce (so they join its transaction), under
/// <c>outbox|{created ticks}|{messageId}</c>: a row-key range per partition finds the unpublished ones, oldest first.
/// A row exists until its message is published.
/// </summary>
public static class OutboxRows
{
    /// <summary>The row-key prefix of outbox rows.</summary>
    public const string Prefix = "outbox|";

    /// <summary>The row key of <paramref name="message"/>.</summary>
    public static string RowKey(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Prefix + message.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + message.MessageId;
    }

    /// <summary>The exclusive upper row key of messages written before <paramref name="before"/>.</summary>
    public static string UpperBound(DateTimeOffset before) => Prefix + before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row for <paramref name="message"/> in <paramref name="partition"/>.</summary>
    public static TableEntity Entity(string partition, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new TableEntity(partition, RowKey(message), new Dictionary<string, object?>
        {
            ["MessageId"] = message.MessageId,
            ["Subject"] = message.Subject,
            ["Body"] = message.Body,
            ["CorrelationId"] = message.CorrelationId,
            ["CreatedAt"] = message.CreatedAt,
            ["Queue"] = message.Queue,
        });
    }

    /// <summary>The message stored in <paramref name="entity"/>.</summary>
    public static OutboxMessage Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new OutboxMessage(
            entity.GetString("MessageId")!,
            entity.GetString("Subject") ?? string.Empty,
            entity.GetString("Body") ?? "{}",
            entity.GetString("CorrelationId"),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            entity.GetString("Queue") is { Length: > 0 } queue ? queue : null);
    }
}
