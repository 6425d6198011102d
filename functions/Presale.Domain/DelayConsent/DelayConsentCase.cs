using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Domain.DelayConsent;

/// <summary>
/// The delay-consent state of one order: the original promise, the promise in force, the delays notified and any
/// consent awaited. Immutable: each named transition returns a <see cref="DelayConsentResult"/> holding the next
/// state, or a rejection that leaves the state as it was. Instants are parameters; nothing reads a clock.
/// </summary>
/// <remarks>
/// Paths: a first delay of at most <see cref="DelayConsentPolicy.SilenceLimitDays"/> past the original promise is
/// accepted by silence; a longer one, a later one (<see cref="DelayConsentPolicy.ExpressConsentFromDelay"/>), or one
/// notified after the promise passed waits for express consent until <see cref="ConsentDeadline"/>, then
/// <see cref="ExpireConsent"/> cancels it. The customer may cancel at any notified delay. Cancellation is final.
/// </remarks>
public sealed record DelayConsentCase
{
    private DelayConsentCase(string orderId, DateOnly originalPromise)
    {
        OrderId = orderId;
        OriginalPromise = originalPromise;
        CurrentPromise = originalPromise;
    }

    /// <summary>The order.</summary>
    public string OrderId { get; }

    /// <summary>The date first promised at checkout (shop-local); the 30-day silence limit is measured from it.</summary>
    public DateOnly OriginalPromise { get; }

    /// <summary>The promise in force: the original one, or the last revised date the customer agreed to.</summary>
    public DateOnly CurrentPromise { get; private init; }

    /// <summary>Where the flow stands.</summary>
    public DelayConsentStatus Status { get; private init; }

    /// <summary>
    /// How many delays have been notified (0 before the first). Doubles as the revision of the latest delay notice:
    /// put it in notification keys and consent links so an old link cannot answer a newer notice.
    /// </summary>
    public int DelayCount { get; private init; }

    /// <summary>The revised date awaiting consent, while <see cref="Status"/> is <see cref="DelayConsentStatus.AwaitingConsent"/>.</summary>
    public DateOnly? PendingRevisedDate { get; private init; }

    /// <summary>When consent must have arrived, while awaiting it; at this instant the order is cancelled.</summary>
    public DateTimeOffset? ConsentDeadline { get; private init; }

    /// <summary>How the customer agreed to the promise in force.</summary>
    public ConsentBasis ConsentBasis { get; private init; }

    /// <summary>Why the order was cancelled, once <see cref="Status"/> is <see cref="DelayConsentStatus.Cancelled"/>.</summary>
    public DelayCancellationReason? CancellationReason { get; private init; }

    /// <summary>When the last transition happened (null before any).</summary>
    public DateTimeOffset? LastChangedAt { get; private init; }

    /// <summary>Opens the flow for an order promised for <paramref name="promisedDate"/> (shop-local).</summary>
    public static DelayConsentCase Open(string orderId, DateOnly promisedDate)
    {
        if (Identifier.Validate(orderId, "The order id") is { } error)
        {
            throw new ArgumentException(error, nameof(orderId));
        }

        return new DelayConsentCase(orderId, promisedDate);
    }

    /// <summary>
    /// Restores a stored state exactly as it was persisted (for repositories). Throws when the fields contradict each
    /// other, so a corrupted record is never acted on.
    /// </summary>
    public static DelayConsentCase Restore(
        string orderId,
        DateOnly originalPromise,
        DateOnly currentPromise,
        DelayConsentStatus status,
        int delayCount,
        DateOnly? pendingRevisedDate,
        DateTimeOffset? consentDeadline,
        ConsentBasis consentBasis,
        DelayCancellationReason? cancellationReason,
        DateTimeOffset? lastChangedAt)
    {
        var restored = Open(orderId, originalPromise) with
        {
            CurrentPromise = currentPromise,
            Status = status,
            DelayCount = delayCount,
            PendingRevisedDate = pendingRevisedDate,
            ConsentDeadline = consentDeadline,
            ConsentBasis = consentBasis,
            CancellationReason = cancellationReason,
            LastChangedAt = lastChangedAt,
        };
        var awaiting = status == DelayConsentStatus.AwaitingConsent;
        var consistent = Enum.IsDefined(status)
            && delayCount >= 0
            && currentPromise >= originalPromise
            && (status == DelayConsentStatus.OnSchedule) == (delayCount == 0)
            && awaiting == pendingRevisedDate.HasValue
            && awaiting == consentDeadline.HasValue
            && (status == DelayConsentStatus.Cancelled) == cancellationReason.HasValue;
        return consistent
            ? restored
            : throw new ArgumentException($"The stored delay-consent state of order '{orderId}' is inconsistent.");
    }

    /// <summary>
    /// Records a delay to <paramref name="revisedDate"/> notified at <paramref name="now"/>. Silence counts as consent
    /// for a first, short, timely delay; otherwise consent is requested with a deadline: the earlier of the moment the
    /// promise in force passes (local midnight after it, in <paramref name="shopZone"/>) and
    /// <paramref name="now"/> + <see cref="DelayConsentPolicy.ResponseWindow"/>. When the notice is late (the promise
    /// in force has passed) the deadline is <paramref name="now"/> + the window.
    /// </summary>
    public DelayConsentResult NotifyDelay(DateOnly revisedDate, DateTimeOffset now, TimeZoneInfo shopZone, DelayConsentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(shopZone);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid delay-consent policy: " + string.Join(" ", errors), nameof(policy));
        }

        if (Status == DelayConsentStatus.Cancelled)
        {
            return Reject(DelayConsentRejection.OrderCancelled);
        }

        var lastNotified = Status switch
        {
            DelayConsentStatus.AwaitingConsent => PendingRevisedDate,
            DelayConsentStatus.Delayed => CurrentPromise,
            _ => null,
        };
        if (revisedDate == lastNotified)
        {
            return Reject(DelayConsentRejection.AlreadyNotified);
        }

        if (revisedDate <= CurrentPromise)
        {
            return Reject(DelayConsentRejection.RevisedDateNotLater);
        }

        var delayNumber = DelayCount + 1;
        var promisePasses = ShopCalendar.PromisePassesAt(CurrentPromise, shopZone);
        var late = now >= promisePasses;
        var needsConsent = delayNumber >= policy.ExpressConsentFromDelay
            || revisedDate > OriginalPromise.AddDays(policy.SilenceLimitDays)
            || (late && policy.LateNoticeRequiresConsent);
        if (!needsConsent)
        {
            var accepted = this with
            {
                Status = DelayConsentStatus.Delayed,
                DelayCount = delayNumber,
                CurrentPromise = revisedDate,
                ConsentBasis = ConsentBasis.Silence,
                PendingRevisedDate = null,
                ConsentDeadline = null,
                LastChangedAt = now,
            };
            return new(DelayConsentOutcome.DelayAcceptedBySilence, accepted, NoticeWasLate: late);
        }

        var windowEnds = now + policy.ResponseWindow;
        var deadline = late || windowEnds < promisePasses ? windowEnds : promisePasses;
        var awaiting = this with
        {
            Status = DelayConsentStatus.AwaitingConsent,
            DelayCount = delayNumber,
            PendingRevisedDate = revisedDate,
            ConsentDeadline = deadline,
            LastChangedAt = now,
        };
        return new(DelayConsentOutcome.ConsentRequested, awaiting, NoticeWasLate: late);
    }

    /// <summary>
    /// The customer accepts the pending delay. <paramref name="delayNumber"/> (from the consent link) must match the
    /// pending notice when given. After the deadline the acceptance comes too late: the order is cancelled instead.
    /// </summary>
    public DelayConsentResult Accept(DateTimeOffset now, int? delayNumber = null)
    {
        if (Status == DelayConsentStatus.Cancelled)
        {
            return Reject(DelayConsentRejection.OrderCancelled);
        }

        if (Status != DelayConsentStatus.AwaitingConsent)
        {
            return Reject(DelayConsentRejection.NoConsentPending);
        }

        if (delayNumber is { } number && number != DelayCount)
        {
            return Reject(DelayConsentRejection.StaleDelayNotice);
        }

        if (now >= ConsentDeadline!.Value)
        {
            return CancelFor(DelayCancellationReason.NoConsentByDeadline, now);
        }

        var accepted = this with
        {
            Status = DelayConsentStatus.Delayed,
            CurrentPromise = PendingRevisedDate!.Value,
            ConsentBasis = ConsentBasis.Express,
            PendingRevisedDate = null,
            ConsentDeadline = null,
            LastChangedAt = now,
        };
        return new(DelayConsentOutcome.ConsentAccepted, accepted);
    }

    /// <summary>The customer cancels a delayed order (at any notified delay, before or after agreeing): refund in full.</summary>
    public DelayConsentResult Cancel(DateTimeOffset now) => Status switch
    {
        DelayConsentStatus.Cancelled => Reject(DelayConsentRejection.OrderCancelled),
        DelayConsentStatus.OnSchedule => Reject(DelayConsentRejection.NoDelayNotified),
        _ => CancelFor(DelayCancellationReason.CustomerCancelled, now),
    };

    /// <summary>
    /// Called by the deadline sweep: once <paramref name="now"/> reaches the deadline without consent, the order is
    /// cancelled and refunded in full.
    /// </summary>
    public DelayConsentResult ExpireConsent(DateTimeOffset now) => Status switch
    {
        DelayConsentStatus.Cancelled => Reject(DelayConsentRejection.OrderCancelled),
        DelayConsentStatus.AwaitingConsent when now >= ConsentDeadline!.Value =>
            CancelFor(DelayCancellationReason.NoConsentByDeadline, now),
        DelayConsentStatus.AwaitingConsent => Reject(DelayConsentRejection.DeadlineNotReached),
        _ => Reject(DelayConsentRejection.NoConsentPending),
    };

    private DelayConsentResult CancelFor(DelayCancellationReason reason, DateTimeOffset now)
    {
        var cancelled = this with
        {
            Status = DelayConsentStatus.Cancelled,
            CancellationReason = reason,
            PendingRevisedDate = null,
            ConsentDeadline = null,
            LastChangedAt = now,
        };
        var outcome = reason == DelayCancellationReason.CustomerCancelled
            ? DelayConsentOutcome.CancelledByCustomer
            : DelayConsentOutcome.CancelledForNoConsent;
        return new(outcome, cancelled);
    }

    private DelayConsentResult Reject(DelayConsentRejection rejection) => new(DelayConsentOutcome.Rejected, this, rejection);
}
