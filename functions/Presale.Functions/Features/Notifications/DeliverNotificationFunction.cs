using Microsoft.Azure.Functions.Worker;
using Presale.Application.Notifications;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// <c>DeliverNotification</c>: triggered by the Storage Queue <c>notifications</c>. Records the notification
/// in the customer's feed and delivers it to the shop's webhook through <see cref="NotificationDeliveryHandler"/>.
/// Throws when the notification is not delivered (or the body is not a notification message), so the host redelivers
/// the message and, after host.json's <c>maxDequeueCount</c>, moves it to <c>notifications-poison</c>.
/// </summary>
public sealed partial class DeliverNotificationFunction(NotificationDeliveryHandler handler, ILogger<DeliverNotificationFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string FunctionName = "DeliverNotification";

    /// <summary>Delivers one notification message; <paramref name="dequeueCount"/> tells the handler when the last delivery has come.</summary>
    [Function(FunctionName)]
    public async Task RunAsync([QueueTrigger("notifications", Connection = "AzureWebJobsStorage")] string message, long dequeueCount, CancellationToken cancellationToken)
    {
        NotificationMessage notification;
        try
        {
            notification = NotificationMessageSerializer.Deserialize(message);
        }
        catch (FormatException exception)
        {
            // A malformed body never becomes valid: it fails until the queue moves it to the poison queue.
            LogMalformed(logger, exception, dequeueCount);
            throw;
        }

        try
        {
            var outcome = await handler.DeliverAsync(notification, dequeueCount, cancellationToken).ConfigureAwait(false);
            LogDelivered(logger, notification.DeduplicationKey, outcome, dequeueCount);
        }
        catch (NotificationDeliveryException exception)
        {
            LogNotDelivered(logger, notification.DeduplicationKey, exception.Failure, dequeueCount, exception.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification message (delivery {DeliveryCount}) is not a notification message; it will end in the poison queue.")]
    private static partial void LogMalformed(ILogger logger, Exception exception, long deliveryCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {DeduplicationKey}: {Outcome} (delivery {DeliveryCount}).")]
    private static partial void LogDelivered(ILogger logger, string deduplicationKey, NotificationDeliveryOutcome outcome, long deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {DeduplicationKey}: not delivered, {Failure} (delivery {DeliveryCount}): {Detail}")]
    private static partial void LogNotDelivered(ILogger logger, string deduplicationKey, NotificationDeliveryFailure failure, long deliveryCount, string detail);
}
