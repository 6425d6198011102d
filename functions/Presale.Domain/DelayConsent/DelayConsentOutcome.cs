namespace Presale.Domain.DelayConsent;

/// <summary>What a delay-consent transition did.</summary>
public enum DelayConsentOutcome
{
    /// <summary>The transition was not allowed; see <see cref="DelayConsentResult.Rejection"/>. Nothing changed.</summary>
    Rejected = 0,

    /// <summary>A delay was recorded and silence counts as consent: notify the customer with the right to cancel.</summary>
    DelayAcceptedBySilence = 1,

    /// <summary>A delay was recorded that needs express consent by the deadline: notify with accept and cancel links.</summary>
    ConsentRequested = 2,

    /// <summary>The customer accepted the pending delay: the revised date is now the promise.</summary>
    ConsentAccepted = 3,

    /// <summary>The customer cancelled the delayed order: refund in full.</summary>
    CancelledByCustomer = 4,

    /// <summary>Consent did not arrive by the deadline: cancel the order and refund in full.</summary>
    CancelledForNoConsent = 5,
}
