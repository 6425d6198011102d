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

    /// <summary>
    /// Records the delay as <see cref="RecordDelayAsync"/> does, but answers a delay the flow refuses with nothing sent
    /// before (e.g. a date not after the promise in force) as a value instead of an exception — what reconciliation
    /// calls, so such a delay never breaks a reconcile run.
    /// </summary>
    async Task<DelayRecording> TryRecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
        DelayRecording.Recorded(await RecordDelayAsync(order, revisedDate, cancellationToken).ConfigureAwait(false));
}
