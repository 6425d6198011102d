using Presale.Domain.Common;

namespace Presale.Domain.Reconciliation;

/// <summary>
/// One open order's demand for the SKU being planned, with what the order currently records about its promise
/// (so the planner can report only what changed). An order with several lines of the SKU is one demand with the summed
/// quantity; an order over several SKUs is planned once per SKU.
/// </summary>
/// <param name="OrderId">The order id (unique within one planning run).</param>
/// <param name="Tier">The customer's tier.</param>
/// <param name="PlacedAt">When the order was placed (its place in the queue).</param>
/// <param name="Quantity">Units of the SKU ordered and not yet shipped (positive).</param>
/// <param name="PromiseDate">The date the customer was promised; null when they were told "date unknown".</param>
/// <param name="Status">The status currently recorded on the order.</param>
/// <param name="Estimate">The estimate currently recorded; null when unknown or never planned.</param>
/// <param name="AllocatedUnits">On-hand units already allocated to the order; they stay with it.</param>
/// <param name="Pegs">The pegs currently recorded (empty when never planned).</param>
public sealed record OpenOrderDemand(
    string OrderId,
    CustomerTier Tier,
    DateTimeOffset PlacedAt,
    int Quantity,
    DateOnly? PromiseDate,
    PromiseStatus Status = PromiseStatus.OnTrack,
    DateOnly? Estimate = null,
    int AllocatedUnits = 0,
    IReadOnlyList<Peg>? Pegs = null)
{
    /// <summary>The recorded pegs, never null.</summary>
    public IReadOnlyList<Peg> Pegs { get; init; } = Pegs ?? [];
}
