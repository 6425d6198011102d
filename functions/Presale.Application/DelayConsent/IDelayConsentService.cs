using Presale.Domain.Notifications;

namespace Presale.Application.DelayConsent;

/// <summary>
/// What reconciliation calls when an order's estimate moves past its promise: it opens or advances the order's
/// delay-consent case (FTC-style: silence is consent up to a limit; beyond it, or on a second delay, the customer must
/// consent by a deadline) and returns the "delayed" notification to send, with the revised date, the right to cancel
/// for a full refund and the signed one-click links. Idempotent per (order, revised date): a re-run of reconciliation
/// gets the same notification (same de-duplication key) and changes nothing.
/// </summary>
public interface IDelayConsentService
{
    /// <summary>Records the delay of <paramref name="order"/> to <paramref name="revisedDate"/> and returns the notice to send.</summary>
    Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken);
}
