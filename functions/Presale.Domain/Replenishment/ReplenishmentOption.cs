using Presale.Domain.Common;
using Presale.Domain.Suppliers;

namespace Presale.Domain.Replenishment;

/// <summary>What ordering the SKU from one supplier would take.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="LeadTimeDays">Its lead time.</param>
/// <param name="LeadTimeBasis">Where the lead time comes from.</param>
/// <param name="SafetyStock">z × demand deviation × √lead time, rounded up.</param>
/// <param name="Quantity">Units to order (the minimum and whole cases applied).</param>
/// <param name="UnitCost">Its unit cost.</param>
/// <param name="OrderBy">The last day to order so the goods arrive when needed (today when that is already past).</param>
/// <param name="Arrival">When the goods would arrive if ordered today.</param>
/// <param name="KeepsPromises">True when they would arrive by the date needed.</param>
public sealed record ReplenishmentOption(
    string SupplierId,
    int LeadTimeDays,
    LeadTimeBasis LeadTimeBasis,
    long SafetyStock,
    int Quantity,
    Money UnitCost,
    DateOnly OrderBy,
    DateOnly Arrival,
    bool KeepsPromises);
