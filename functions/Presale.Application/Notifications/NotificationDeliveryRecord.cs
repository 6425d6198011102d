using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>
/// The webhook delivery state of one notification (one de-duplication key), guarded by its <see cref="ETag"/>: every
/// change is a conditional replace, so two deliveries of the same key cannot both win the lease.
/// </summary>
public sealed record NotificationDeliveryRecord
{
    /// <summary>The notification's de-duplication key (the row's partition key).</summary>
    public required string DeduplicationKey { get; init; }

    /// <summary>Pending, Delivered or DeadLettered.</summary>
    public required NotificationDeliveryStatus Status { get; init; }

    /// <summary>POST attempts made so far, over all deliveries (an attempt is counted before it is made).</summary>
    public int Attempts { get; init; }

    /// <summary>The delivery that holds the lease, while one does.</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>Until when <see cref="LeaseHolder"/> owns the notification.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The receiver's status code of the last attempt that got an answer.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>What went wrong in the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>When the receiver answered 2xx.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When the notification was dead-lettered.</summary>
    public DateTimeOffset? DeadLetteredAt { get; init; }

    /// <summary>Why it was dead-lettered.</summary>
    public string? DeadLetterReason { get; init; }

    /// <summary>How many times an operator sent it again after it was dead-lettered (each retry starts a fresh attempt count).</summary>
    public int Retries { get; init; }

    /// <summary>When an operator last sent it again.</summary>
    public DateTimeOffset? RetriedAt { get; init; }

    /// <summary>The stored version; default for a record not read from the store.</summary>
    public ETag ETag { get; init; }

    /// <summary>True while another holder's lease has not expired at <paramref name="now"/>.</summary>
    public bool IsLeasedToOtherThan(string holder, DateTimeOffset now) =>
        LeaseHolder is not null && LeaseHolder != holder && LeaseUntil is { } until && until > now;
}
