using Presale.Application.Notifications;
using Presale.Domain.Notifications;

namespace Presale.Adapters.Webhooks;

/// <summary>
/// The JSON body POSTed to the shop: the same on every attempt of one notification (only the signature timestamp and
/// <c>Presale-Delivery-Id</c> differ), serialised with <see cref="NotificationMessageSerializer.Options"/>.
/// </summary>
/// <param name="Event">The notification kind, as in <c>Presale-Event</c>.</param>
/// <param name="IdempotencyKey">The de-duplication key, as in <c>Idempotency-Key</c>.</param>
/// <param name="CreatedAt">When the notification was created.</param>
/// <param name="Notification">Title, text, locale and structured fields.</param>
public sealed record NotificationWebhookPayload(string Event, string IdempotencyKey, DateTimeOffset CreatedAt, Notification Notification)
{
    /// <summary>The body for <paramref name="message"/>.</summary>
    public static NotificationWebhookPayload From(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(NotificationMessageSerializer.KindName(message.Notification.Kind), message.DeduplicationKey, message.CreatedAt, message.Notification);
    }
}
