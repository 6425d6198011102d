namespace Presale.Application.Notifications;

/// <summary>The outcome of sending a dead-lettered notification again (<see cref="DeadLetterRetryHandler"/>).</summary>
public abstract record DeadLetterRetryResult
{
    private DeadLetterRetryResult()
    {
    }

    /// <summary>The delivery record was reset and the notification queued again under <paramref name="MessageId"/>.</summary>
    /// <param name="DeduplicationKey">The notification's key.</param>
    /// <param name="Retries">How many times it has now been sent again.</param>
    /// <param name="MessageId">The queue message id of this retry (the key plus the retry instant: the broker's duplicate detection must not drop it).</param>
    public sealed record Requeued(string DeduplicationKey, int Retries, string MessageId) : DeadLetterRetryResult;

    /// <summary>No delivery of this key was ever recorded, or it is not in the dead-letter list.</summary>
    public sealed record NotFound(string DeduplicationKey) : DeadLetterRetryResult;

    /// <summary>The notification is not dead-lettered (delivered, or a delivery or retry is under way): nothing was sent.</summary>
    public sealed record NotDeadLettered(string DeduplicationKey, NotificationDeliveryStatus Status) : DeadLetterRetryResult;
}
