using Presale.Domain.Notifications;

namespace Presale.Application.Notifications;

/// <summary>A notification whose webhook delivery was given up: what it was and why, kept for the operator (and for a redrive).</summary>
/// <param name="DeduplicationKey">The notification's key.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
/// <param name="Reason">Why (attempts exhausted, rejected by the receiver, the queue's last delivery).</param>
/// <param name="Attempts">POST attempts made.</param>
/// <param name="LastStatusCode">The receiver's last status code, when it answered.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="CreatedAt">When the producer created the notification.</param>
/// <param name="Notification">The notification itself (it also stays in the customer's feed).</param>
public sealed record DeadLetteredNotification(
    string DeduplicationKey,
    DateTimeOffset DeadLetteredAt,
    string Reason,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    Notification Notification);
