using Presale.Domain.DelayConsent;

namespace Presale.Domain.Notifications;

/// <summary>The facts of a delay notice.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="PreviousDate">The promise in force that will be missed.</param>
/// <param name="RevisedDate">The new date.</param>
/// <param name="DelayNumber">The number of this delay notice (1 = first).</param>
/// <param name="ConsentDeadline">When consent is required: the instant the order is cancelled without it; otherwise null.</param>
/// <param name="CancelLink">One-click link to cancel for a full refund (always offered).</param>
/// <param name="AcceptLink">One-click link to accept the new date (required when consent is required).</param>
public sealed record DelayNotice(
    string OrderId,
    string CustomerId,
    DateOnly PreviousDate,
    DateOnly RevisedDate,
    int DelayNumber,
    DateTimeOffset? ConsentDeadline,
    Uri CancelLink,
    Uri? AcceptLink)
{
    /// <summary>True when the customer must accept the new date by <see cref="ConsentDeadline"/>.</summary>
    public bool ConsentRequired => ConsentDeadline.HasValue;

    /// <summary>
    /// The notice for a delay the consent flow just recorded: <paramref name="before"/> is the state before
    /// <see cref="DelayConsentCase.NotifyDelay"/>, <paramref name="result"/> its result.
    /// </summary>
    /// <exception cref="ArgumentException">The result is not a recorded delay, or consent is required without an accept link.</exception>
    public static DelayNotice From(DelayConsentCase before, DelayConsentResult result, string customerId, Uri cancelLink, Uri? acceptLink)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(cancelLink);
        var after = result.Case;
        return result.Outcome switch
        {
            DelayConsentOutcome.DelayAcceptedBySilence => new(
                after.OrderId, customerId, before.CurrentPromise, after.CurrentPromise, after.DelayCount, null, cancelLink, acceptLink),
            DelayConsentOutcome.ConsentRequested when acceptLink is not null => new(
                after.OrderId, customerId, before.CurrentPromise, after.PendingRevisedDate!.Value, after.DelayCount,
                after.ConsentDeadline, cancelLink, acceptLink),
            DelayConsentOutcome.ConsentRequested =>
                throw new ArgumentException("A delay that needs consent must offer an accept link.", nameof(acceptLink)),
            _ => throw new ArgumentException($"'{result.Outcome}' is not a delay notice.", nameof(result)),
        };
    }
}
