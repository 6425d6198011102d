using Presale.Application.Messaging;
using Presale.Domain.Notifications;

namespace Presale.Application.Notifications;

/// <summary>
/// The message on the notifications queue: one composed <see cref="Domain.Notifications.Notification"/> and the instant
/// it was created. Producers write it to their outbox in the same transaction as the state change it announces, with
/// <see cref="OutboundMessage.MessageId"/> = <see cref="Notification.DeduplicationKey"/> (see <see cref="ToOutboundMessage"/>);
/// <c>DeliverNotification</c> records it in the customer's feed and delivers it to the shop's webhook, once per key.
/// </summary>
public sealed record NotificationMessage
{
    /// <summary>The prefix of <see cref="OutboundMessage.Subject"/>: <c>notification.{kind}</c>.</summary>
    public const string SubjectPrefix = "notification.";

    /// <summary>The notification, text and structured fields.</summary>
    public required Notification Notification { get; init; }

    /// <summary>When the producer created it (the feed is ordered by this instant, newest first).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The de-duplication key (also the message id).</summary>
    public string DeduplicationKey => Notification.DeduplicationKey;

    /// <summary>Wraps a composed notification; <paramref name="createdAt"/> is the producer's clock reading.</summary>
    public static NotificationMessage From(Notification notification, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var message = new NotificationMessage { Notification = notification, CreatedAt = createdAt.ToUniversalTime() };
        NotificationMessageSerializer.EnsureValid(message);
        return message;
    }

    /// <summary>
    /// The message to publish (or store in an outbox row): id = de-duplication key, body = JSON
    /// (<see cref="NotificationMessageSerializer"/>), subject <c>notification.{kind}</c>.
    /// </summary>
    public OutboundMessage ToOutboundMessage(string? correlationId = null) =>
        new(DeduplicationKey, NotificationMessageSerializer.Serialize(this), correlationId ?? Notification.OrderId, Subject);

    /// <summary>The message subject, <c>notification.{kind}</c> with the kind as in the JSON (camelCase).</summary>
    public string Subject => SubjectPrefix + NotificationMessageSerializer.KindName(Notification.Kind);
}
