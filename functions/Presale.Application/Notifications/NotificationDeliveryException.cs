namespace Presale.Application.Notifications;

/// <summary>
/// A delivery that did not end in a 2xx from the webhook. Thrown so the queue function fails: failing makes the
/// queue trigger deliver the message again and, after host.json's <c>maxDequeueCount</c>, move it to the poison queue.
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
