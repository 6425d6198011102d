namespace Presale.Domain.DelayConsent;

/// <summary>Why a delay-consent transition was refused.</summary>
public enum DelayConsentRejection
{
    /// <summary>The order was already cancelled; no later event applies.</summary>
    OrderCancelled = 0,

    /// <summary>Cancelling through this flow needs a notified delay; an on-schedule order is cancelled by the order itself.</summary>
    NoDelayNotified = 1,

    /// <summary>There is no delay waiting for consent (none was notified, or it needed none, or it was already accepted).</summary>
    NoConsentPending = 2,

    /// <summary>The consent deadline has not passed yet.</summary>
    DeadlineNotReached = 3,

    /// <summary>The revised date is not later than the promise in force, so it is not a delay.</summary>
    RevisedDateNotLater = 4,

    /// <summary>The same revised date was already notified (a duplicate event).</summary>
    AlreadyNotified = 5,

    /// <summary>The answer refers to an earlier delay notice than the one pending (an old link).</summary>
    StaleDelayNotice = 6,
}
