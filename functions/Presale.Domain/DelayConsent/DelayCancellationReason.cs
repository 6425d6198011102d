namespace Presale.Domain.DelayConsent;

/// <summary>Why the delay-consent flow cancelled an order. Either way the customer is refunded in full.</summary>
public enum DelayCancellationReason
{
    /// <summary>The customer used the right to cancel a delayed order.</summary>
    CustomerCancelled = 0,

    /// <summary>Express consent was required and did not arrive by the deadline.</summary>
    NoConsentByDeadline = 1,
}
