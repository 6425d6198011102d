using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Orders;

/// <summary>How an order line stands since the last reconciliation of its SKU.</summary>
/// <param name="Status">onTrack, atRisk or readyToShip.</param>
/// <param name="Estimate">The current estimate (shop-local date); null when no date is known.</param>
/// <param name="AllocatedUnits">On-hand units set aside for the line.</param>
/// <param name="PlannedAt">When the line was last re-planned.</param>
public sealed record LineTrackingView(PromiseStatus Status, DateOnly? Estimate, int AllocatedUnits, DateTimeOffset PlannedAt)
{
    /// <summary>The view of <paramref name="tracking"/>, or null.</summary>
    public static LineTrackingView? From(LineTracking? tracking) =>
        tracking is null ? null : new(tracking.Status, tracking.Estimate, tracking.AllocatedUnits, tracking.PlannedAt);
}
