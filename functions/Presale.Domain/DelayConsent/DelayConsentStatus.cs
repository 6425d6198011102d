namespace Presale.Domain.DelayConsent;

/// <summary>Where an order stands in the delay-consent flow.</summary>
public enum DelayConsentStatus
{
    /// <summary>No delay has been notified; the original promise stands.</summary>
    OnSchedule = 0,

    /// <summary>A delay was notified and accepted (by silence or expressly); the revised date is the promise in force.</summary>
    Delayed = 1,

    /// <summary>A delay was notified that needs the customer's express consent before the deadline.</summary>
    AwaitingConsent = 2,

    /// <summary>Cancelled through this flow and to be refunded in full. Final: every later event is rejected.</summary>
    Cancelled = 3,
}
