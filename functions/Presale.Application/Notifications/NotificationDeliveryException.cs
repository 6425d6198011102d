namespace Presale.Application.Notifications;

/// <summary>
/// A delivery that did not end in a 2xx from the webhook. Thrown so the queue function fails: a custom handler's only
/// signal to the broker is the invocation's status, and failing makes it redeliver the message and, after its
/// <c>maxDeliveryCount</c>, dead-letter it.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotificationDeliveryException(string deduplicationKey, NotificationDeliveryFailure failure, string message)
        : base(message)
    {
        DeduplicationKey = deduplicationKey;
        Failure = failure;
    }

    /// <summary>Creates the exception (serialisation-style constructor kept for analyzers).</summary>
    public NotificationDeliveryException()
        : this(string.Empty, NotificationDeliveryFailure.RetryLater, "Notification delivery failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public NotificationDeliveryException(string message)
        : this(string.Empty, NotificationDeliveryFailure.RetryLater, message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public NotificationDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
        DeduplicationKey = string.Empty;
    }

    /// <summary>The notification's de-duplication key.</summary>
    public string DeduplicationKey { get; } = string.Empty;

    /// <summary>Why it failed.</summary>
    public NotificationDeliveryFailure Failure { get; }
}
