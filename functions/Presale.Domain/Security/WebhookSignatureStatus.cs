namespace Presale.Domain.Security;

/// <summary>The outcome of checking a <c>Presale-Signature</c> header against a request body.</summary>
public enum WebhookSignatureStatus
{
    /// <summary>The timestamp is inside the replay window and one <c>v1</c> signature matches an active secret.</summary>
    Valid = 0,

    /// <summary>No signature header was sent (or it was empty).</summary>
    Missing = 1,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex&gt;[,v1=...]</c>, or is too long.</summary>
    Malformed = 2,

    /// <summary>The timestamp is older than the replay window allows: a replayed or badly delayed request.</summary>
    Expired = 3,

    /// <summary>The timestamp is further in the future than the replay window allows (sender clock skew or forgery).</summary>
    FutureTimestamp = 4,

    /// <summary>The header is well formed and fresh, but no signature matches any active secret.</summary>
    Mismatch = 5,
}
