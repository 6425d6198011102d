using Presale.Domain.Reconciliation;

namespace Presale.Domain.Orders;

/// <summary>
/// What the latest reconciliation of an order line's SKU found: whether the line is on track, at risk or ready to
/// ship, its current estimate, the on-hand units allocated to it and the supply it is pegged to. Absent until the first
/// reconciliation after placement.
/// </summary>
/// <param name="Status">On track, at risk or ready to ship.</param>
/// <param name="Estimate">The shop-local date the line can now be dispatched; null when no date is known.</param>
/// <param name="AllocatedUnits">On-hand units set aside for the line (all of them once ready to ship).</param>
/// <param name="Pegs">The supply the line's units are pegged to, earliest first.</param>
/// <param name="PlanVersion">The SKU's plan number this came from; a plan never overwrites a later one.</param>
/// <param name="PlannedAt">When the plan was made.</param>
public sealed record LineTracking(PromiseStatus Status, DateOnly? Estimate, int AllocatedUnits, IReadOnlyList<Peg> Pegs, long PlanVersion, DateTimeOffset PlannedAt);
