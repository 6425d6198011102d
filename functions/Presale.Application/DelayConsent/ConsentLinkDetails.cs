using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Application.DelayConsent;

/// <summary>What a one-click consent link answers, for a page that shows it before the customer acts.</summary>
/// <param name="Verification">The token's verdict and, when authentic, its claims.</param>
/// <param name="Case">The order's delay-consent case as stored; null when the link is not valid or no delay was notified.</param>
/// <param name="LastNotice">The last delay notice sent for the order (revised date, deadline), when there is one.</param>
public sealed record ConsentLinkDetails(ConsentLinkVerification Verification, DelayConsentCase? Case, Notification? LastNotice)
{
    /// <summary>Why a link is refused, in plain words (<see cref="ConsentLinkStatus.Valid"/>: it does not allow the action asked).</summary>
    public static string RefusalReason(ConsentLinkStatus status) => status switch
    {
        ConsentLinkStatus.Valid => "The link does not allow this action.",
        ConsentLinkStatus.Expired => "The link has expired.",
        ConsentLinkStatus.InvalidSignature => "The link is not authentic.",
        _ => "The link is malformed.",
    };
}
