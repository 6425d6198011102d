namespace Presale.Application.Notifications;

/// <summary>How a successful <see cref="NotificationDeliveryHandler.DeliverAsync"/> ended. Failures are exceptions (<see cref="NotificationDeliveryException"/>) so the queue redelivers or dead-letters the message.</summary>
public enum NotificationDeliveryOutcome
{
    /// <summary>Recorded in the feed and POSTed to the webhook, which answered 2xx.</summary>
    Delivered = 0,

    /// <summary>An earlier delivery of this key already reached the webhook: no POST was made.</summary>
    AlreadyDelivered = 1,

    /// <summary>No webhook is configured: the notification is in the customer's feed only.</summary>
    FeedOnly = 2,
}
