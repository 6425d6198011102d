namespace Presale.Application.DelayConsent;

/// <summary>The body of <c>POST /api/orders/{id}/delay-consent</c>.</summary>
/// <param name="Action"><c>accept</c> (the revised date) or <c>cancel</c> (for a full refund).</param>
/// <param name="DelayNumber">Optional: the delay notice being answered; an accept for an older notice is refused.</param>
public sealed record DelayConsentRequest(string? Action, int? DelayNumber);
