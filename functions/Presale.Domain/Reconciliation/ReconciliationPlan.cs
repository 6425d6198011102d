using Presale.Domain.Common;

namespace Presale.Domain.Reconciliation;

/// <summary>The result of re-planning one SKU: every order's new state, the changes to write, and per-source demand.</summary>
/// <param name="Sku">The SKU planned.</param>
/// <param name="Today">The shop-local date planning ran for.</param>
/// <param name="Orders">Every order's plan, in priority order (the order supply was handed out).</param>
/// <param name="Changes">Only the orders whose status, estimate, allocation or pegs differ from what they recorded, in priority order.</param>
/// <param name="Sources">Demand per source: on hand, each usable lot by ETA, the pre-sale cap, unsupplied.</param>
public sealed record ReconciliationPlan(
    Sku Sku,
    DateOnly Today,
    IReadOnlyList<OrderPlan> Orders,
    IReadOnlyList<OrderChange> Changes,
    IReadOnlyList<SourceDemand> Sources)
{
    /// <summary>The notifications to emit, in priority order.</summary>
    public IEnumerable<PromiseNotification> Notifications =>
        Changes.Where(c => c.Notification is not null).Select(c => c.Notification!);
}
