namespace Presale.Application.Notifications;

/// <summary>
/// The port to the shop's notification webhook: one signed POST per call, classified. Retries, back-off and the
/// at-most-once bookkeeping belong to <see cref="NotificationDeliveryHandler"/>.
/// </summary>
public interface INotificationWebhook
{
    /// <summary>POSTs <paramref name="request"/> once and says how the receiver answered. Never throws for an HTTP answer, a timeout or a connection failure.</summary>
    Task<WebhookAttemptResult> SendAsync(NotificationWebhookRequest request, CancellationToken cancellationToken);
}
