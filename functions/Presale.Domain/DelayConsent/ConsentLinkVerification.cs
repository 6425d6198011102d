namespace Presale.Domain.DelayConsent;

/// <summary>The result of verifying a consent link token.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Claims">The claims, when the token is authentic (<see cref="ConsentLinkStatus.Valid"/> or <see cref="ConsentLinkStatus.Expired"/>).</param>
public sealed record ConsentLinkVerification(ConsentLinkStatus Status, ConsentLinkClaims? Claims)
{
    /// <summary>True when the token may be acted on.</summary>
    public bool IsValid => Status == ConsentLinkStatus.Valid;
}
