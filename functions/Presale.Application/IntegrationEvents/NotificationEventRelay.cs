using Microsoft.Extensions.Logging;
using Presale.Application.Messaging;
using Presale.Application.Notifications;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The app's <see cref="IMessagePublisher"/> when integration events are on. Every customer notification leaves its
/// outbox (orders outbox, delay-consent rows, compensation credits, returns outbox) through a publish to the
/// notifications queue; this relay publishes it there first, then its integration event (<see cref="NotificationEvents"/>)
/// to the topic. The caller removes the outbox row only when both succeeded, so an event the topic refused stays in the
/// outbox with its notification and the outbox's sweeper publishes both again (the queue copy is dropped by the
/// notification consumer's de-duplication, the topic copy by the topic's). The shop's webhook is downstream of the
/// queue and never holds an event up.
/// </summary>
/// <remarks>
/// An operator's redelivery of a dead-lettered notification (a message id other than the notification's key) publishes
/// no event: the event left with the first publication. A notification body that cannot be read, or that lacks a field
/// its event needs, publishes no event and is logged as an error: its notification fails at the consumer and ends in the
/// dead-letter queue, and holding its outbox row would only republish it forever.
/// </remarks>
public sealed partial class NotificationEventRelay(
    IMessagePublisher inner,
    IIntegrationEventPublisher events,
    NotificationsOptions notifications,
    IntegrationEventsOptions options,
    ILogger<NotificationEventRelay> logger) : IMessagePublisher
{
    /// <inheritdoc />
    public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await inner.PublishAsync(queue, message, cancellationToken).ConfigureAwait(false);
        if (!options.Enabled || !string.Equals(queue, notifications.Queue, StringComparison.Ordinal))
        {
            return;
        }

        IntegrationEvent? integrationEvent;
        try
        {
            var notification = NotificationMessageSerializer.Deserialize(message.Body);
            if (!string.Equals(message.MessageId, notification.DeduplicationKey, StringComparison.Ordinal))
            {
                return;
            }

            integrationEvent = NotificationEvents.From(notification);
        }
        catch (FormatException error)
        {
            LogNoEvent(logger, error, message.MessageId);
            return;
        }

        if (integrationEvent is not null)
        {
            await events.PublishAsync(integrationEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification message {MessageId} yields no integration event; it was published to the notifications queue only.")]
    private static partial void LogNoEvent(ILogger logger, Exception error, string messageId);
}
