namespace Presale.Application.Notifications;

/// <summary>Why a delivery failed (and so why the message goes back to the queue).</summary>
public enum NotificationDeliveryFailure
{
    /// <summary>This delivery's attempts failed transiently; attempts remain, so a redelivery will try again.</summary>
    RetryLater = 0,

    /// <summary>Another delivery of the same key holds the lease (is POSTing now); a redelivery will see its outcome.</summary>
    InProgressElsewhere = 1,

    /// <summary>The notification is dead-lettered; the message is failed until the queue dead-letters it too.</summary>
    DeadLettered = 2,
}
