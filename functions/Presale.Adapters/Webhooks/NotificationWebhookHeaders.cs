using Presale.Domain.Security;

namespace Presale.Adapters.Webhooks;

/// <summary>The headers of a notification webhook POST.</summary>
public static class NotificationWebhookHeaders
{
    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>; see <see cref="WebhookSignature"/>.</summary>
    public const string Signature = WebhookSignature.HeaderName;

    /// <summary>Unique per attempt, for the shop's logs and support requests.</summary>
    public const string DeliveryId = "Presale-Delivery-Id";

    /// <summary>The notification kind (<c>orderConfirmed</c>, <c>delayed</c>, ...), so a receiver can route before parsing.</summary>
    public const string Event = "Presale-Event";

    /// <summary>The de-duplication key: the same on every attempt and redelivery of one notification.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The user agent Presale sends.</summary>
    public const string UserAgent = "Presale-Notifications/1.0";
}
