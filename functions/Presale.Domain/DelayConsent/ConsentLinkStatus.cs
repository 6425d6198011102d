namespace Presale.Domain.DelayConsent;

/// <summary>The verdict on a consent link token.</summary>
public enum ConsentLinkStatus
{
    /// <summary>Signed with a known key and not expired.</summary>
    Valid = 0,

    /// <summary>Not a token of this format (wrong shape, encoding, version or size).</summary>
    Malformed = 1,

    /// <summary>The signature matches none of the keys: forged or altered.</summary>
    InvalidSignature = 2,

    /// <summary>Authentic but past its expiry.</summary>
    Expired = 3,
}
