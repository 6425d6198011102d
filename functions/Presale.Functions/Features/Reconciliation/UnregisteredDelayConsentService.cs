using Presale.Application.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// Stands in while no delay-consent feature is registered, so everything else about reconciliation composes and runs;
/// the first delay to record fails loudly (the reconcile message is redelivered) instead of telling a customer of a
/// delay without their right to cancel.
/// </summary>
internal sealed class UnregisteredDelayConsentService : IDelayConsentService
{
    public Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Order {order?.OrderId} is delayed to {revisedDate:yyyy-MM-dd}, but no IDelayConsentService is registered to record the delay and compose its notice.");
}
