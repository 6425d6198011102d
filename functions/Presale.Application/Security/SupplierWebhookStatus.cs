namespace Presale.Application.Security;

/// <summary>The outcome of authenticating a supplier webhook request.</summary>
public enum SupplierWebhookStatus
{
    /// <summary>Signed by the supplier with a secret valid now, inside the replay window.</summary>
    Verified = 0,

    /// <summary>No <c>Presale-Signature</c> header.</summary>
    MissingSignature = 1,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex&gt;</c>.</summary>
    MalformedSignature = 2,

    /// <summary>The signed timestamp is older than the replay window.</summary>
    Expired = 3,

    /// <summary>The signed timestamp is further ahead than the replay window.</summary>
    FutureTimestamp = 4,

    /// <summary>No signature matches a secret of this supplier valid now (wrong secret, altered body, retired secret).</summary>
    SignatureMismatch = 5,

    /// <summary>No supplier has this id. Answered to the caller exactly like <see cref="SignatureMismatch"/>.</summary>
    UnknownSupplier = 6,

    /// <summary>The supplier exists but no secret was issued yet. Answered to the caller exactly like <see cref="SignatureMismatch"/>.</summary>
    NoActiveSecret = 7,
}
