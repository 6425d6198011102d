namespace Presale.Domain.DelayConsent;

/// <summary>What a signed consent link asserts.</summary>
/// <param name="OrderId">The order the link answers for.</param>
/// <param name="Actions">The actions the link allows.</param>
/// <param name="DelayNumber">The delay notice it answers (<see cref="DelayConsentCase.DelayCount"/> when issued).</param>
/// <param name="ExpiresAt">When the link stops working (whole seconds).</param>
public sealed record ConsentLinkClaims(string OrderId, ConsentActions Actions, int DelayNumber, DateTimeOffset ExpiresAt)
{
    /// <summary>True when the link allows every action in <paramref name="action"/>.</summary>
    public bool Allows(ConsentActions action) => action != ConsentActions.None && (Actions & action) == action;
}
