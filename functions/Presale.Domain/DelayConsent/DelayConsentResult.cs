namespace Presale.Domain.DelayConsent;

/// <summary>The result of a delay-consent transition: what happened and the state after it.</summary>
/// <param name="Outcome">What the transition did.</param>
/// <param name="Case">The state after the transition (unchanged when rejected); persist it when not rejected.</param>
/// <param name="Rejection">Why it was refused, when <see cref="Outcome"/> is <see cref="DelayConsentOutcome.Rejected"/>.</param>
/// <param name="NoticeWasLate">
/// True when a delay was notified only after the promise in force had passed (the notice should have gone out before).
/// </param>
public sealed record DelayConsentResult(
    DelayConsentOutcome Outcome,
    DelayConsentCase Case,
    DelayConsentRejection? Rejection = null,
    bool NoticeWasLate = false)
{
    /// <summary>True when the transition was refused and nothing changed.</summary>
    public bool IsRejected => Outcome == DelayConsentOutcome.Rejected;

    /// <summary>True when the order must now be cancelled and refunded in full.</summary>
    public bool RequiresFullRefund => Outcome is DelayConsentOutcome.CancelledByCustomer or DelayConsentOutcome.CancelledForNoConsent;
}
