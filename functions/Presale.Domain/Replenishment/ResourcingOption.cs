using Presale.Domain.Common;

namespace Presale.Domain.Replenishment;

/// <summary>Buying the units of the orders a late lot puts at risk from another supplier.</summary>
/// <param name="SupplierId">The other supplier.</param>
/// <param name="LeadTimeDays">Its real lead time.</param>
/// <param name="Arrival">When its goods would arrive if ordered today.</param>
/// <param name="Quantity">Units to order for the orders it saves (its minimum and whole cases applied).</param>
/// <param name="UnitCost">Its unit cost.</param>
/// <param name="SavedOrders">The at-risk orders whose promise its goods would still keep.</param>
public sealed record ResourcingOption(string SupplierId, int LeadTimeDays, DateOnly Arrival, int Quantity, Money UnitCost, IReadOnlyList<AtRiskOrder> SavedOrders);
