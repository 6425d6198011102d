using System.ComponentModel.DataAnnotations;

namespace Presale.Application.Notifications;

/// <summary>
/// Customer notifications: the queue they travel on, the tables of the customer feed and of delivery records, and the
/// shop's notification webhook with its retry budget (section <c>Presale:Notifications</c>, environment form
/// <c>Presale__Notifications__*</c>). Checked at start; each failure names its setting.
/// </summary>
public sealed class NotificationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Notifications";

    /// <summary>The largest page the feed and dead-letter listings return.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// The queue notification messages are published to and <c>DeliverNotification</c> is triggered by. Default
    /// <c>notifications</c>; it must equal the queue of <c>DeliverNotification</c>'s <c>[QueueTrigger]</c>.
    /// </summary>
    public string Queue { get; set; } = "notifications";

    /// <summary>The table of customer feeds (partition = customer id). Default <c>notificationfeed</c>.</summary>
    public string FeedTable { get; set; } = "notificationfeed";

    /// <summary>The table of webhook delivery records and the dead-letter index. Default <c>notificationdeliveries</c>.</summary>
    public string DeliveryTable { get; set; } = "notificationdeliveries";

    /// <summary>
    /// The shop's notification webhook (absolute <c>https</c>; <c>http</c> only to a loopback address). Default none:
    /// notifications are then recorded in the customer feed only.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The secret agreed with the shop that signs every POST (<c>Presale-Signature</c>), at least 16 characters.
    /// No default. Marked required because a deployment sets a webhook URL; the start-up check demands it exactly when
    /// <see cref="WebhookUrl"/> is set.
    /// </summary>
    [Required]
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// During a secret rotation: the previous secret. When set, each POST carries a second <c>v1</c> signature made
    /// with it, so the shop may switch its verifier at its own pace. Default none.
    /// </summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>How long one POST may take before it counts as a failed (retryable) attempt. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// POST attempts per notification over all its deliveries; after the last failed one the notification is
    /// dead-lettered. Default 8.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// POST attempts inside one queue delivery before the invocation fails and the queue redelivers the message.
    /// Default 3.
    /// </summary>
    public int AttemptsPerInvocation { get; set; } = 3;

    /// <summary>The back-off before the second attempt; it doubles per attempt, with jitter. Default 1 second.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts, a receiver's <c>Retry-After</c> included. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one delivery owns a notification after each attempt it records; another delivery of the same
    /// notification waits (fails and is redelivered) until then. Must exceed <see cref="Timeout"/> +
    /// <see cref="MaxRetryDelay"/>. Default 2 minutes.
    /// </summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The queue's own <c>maxDeliveryCount</c> (infra-bicep and <c>Presale:QueuePump:MaxDeliveryCount</c>: 10). On the
    /// last delivery a notification still failing is dead-lettered here too, so the broker's dead-letter queue and
    /// the dead-letter list agree. Default 10.
    /// </summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>The page size of the feed when the caller gives no <c>limit</c> (1–100). Default 20.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The webhook URL as a URI, or null when none is configured.</summary>
    public Uri? WebhookUri =>
        string.IsNullOrWhiteSpace(WebhookUrl) ? null : new Uri(WebhookUrl.Trim(), UriKind.Absolute);

    /// <summary>The secrets each POST is signed with: the current one, then the previous one during a rotation.</summary>
    public IReadOnlyList<string> SigningSecrets =>
        string.IsNullOrEmpty(WebhookSecret)
            ? []
            : string.IsNullOrEmpty(PreviousWebhookSecret) ? [WebhookSecret] : [WebhookSecret, PreviousWebhookSecret];
}
