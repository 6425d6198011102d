namespace Presale.Application.Notifications;

/// <summary>Where the webhook delivery of one notification (one de-duplication key) stands.</summary>
public enum NotificationDeliveryStatus
{
    /// <summary>Not delivered yet; attempts may have failed. A lease says which delivery works on it.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx. Final: no further POST for this key.</summary>
    Delivered = 1,

    /// <summary>Given up (attempts exhausted, or the receiver rejected it). Final; listed in the dead-letter list.</summary>
    DeadLettered = 2,
}
