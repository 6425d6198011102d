using Presale.Domain.Common;
using Presale.Domain.DelayConsent;

namespace Presale.Application.DelayConsent;

/// <summary>The outcome of a customer's answer to a delay notice.</summary>
public abstract record ConsentResponse
{
    private ConsentResponse()
    {
    }

    /// <summary>The revised date is now the promise.</summary>
    public sealed record Accepted(string OrderId, DateOnly Promise) : ConsentResponse;

    /// <summary>The order is cancelled and refunded in full (by the customer, or because consent came after the deadline).</summary>
    public sealed record Cancelled(string OrderId, DelayCancellationReason Reason, Money? Refund) : ConsentResponse;

    /// <summary>The flow refused the answer (nothing pending, already cancelled, a stale link, ...); nothing changed.</summary>
    public sealed record Rejected(string OrderId, DelayConsentRejection Rejection) : ConsentResponse;

    /// <summary>No such order, or no delay was ever notified for it.</summary>
    public sealed record NotFound(string OrderId) : ConsentResponse;

    /// <summary>The one-click link is not valid (tampered, forged, malformed or expired) or does not allow the action.</summary>
    public sealed record LinkRefused(ConsentLinkStatus Status, string Reason) : ConsentResponse;
}
