namespace Presale.Domain.Reconciliation;

/// <summary>An order line whose status, estimate, allocation or pegs changed: write it, and emit its notification if any.</summary>
/// <param name="Plan">The new state to write.</param>
/// <param name="PreviousStatus">The status the order recorded before.</param>
/// <param name="PreviousEstimate">The estimate the order recorded before.</param>
/// <param name="Notification">The customer event to emit, or null when the change is internal (e.g. pegs moved between lots with the same date).</param>
public sealed record OrderChange(OrderPlan Plan, PromiseStatus PreviousStatus, DateOnly? PreviousEstimate, PromiseNotification? Notification)
{
    /// <summary>The order.</summary>
    public string OrderId => Plan.OrderId;
}
