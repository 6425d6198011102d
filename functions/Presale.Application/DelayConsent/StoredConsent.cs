using Presale.Application.Storage;
using Presale.Domain.DelayConsent;

namespace Presale.Application.DelayConsent;

/// <summary>An order's delay-consent case as stored.</summary>
/// <param name="Case">The state.</param>
/// <param name="CustomerId">The order's customer, who receives the notices.</param>
/// <param name="Partition">The order partition the row lives in.</param>
/// <param name="ETag">The row's version; default for a case not stored yet.</param>
/// <param name="LastNotice">The last delay notice (a notification message, JSON), replayed when the same delay is recorded again.</param>
public sealed record StoredConsent(DelayConsentCase Case, string CustomerId, string Partition, ETag ETag, string? LastNotice)
{
    /// <summary>True when the case is not stored yet.</summary>
    public bool IsNew => ETag == default;
}
