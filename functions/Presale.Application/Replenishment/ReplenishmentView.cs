using Presale.Domain.Replenishment;

namespace Presale.Application.Replenishment;

/// <summary>What replenishment sees for a SKU and what it suggests.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Today">The shop's today.</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="Inbound">Units expected on inbound lots.</param>
/// <param name="Reserved">Units held by open orders.</param>
/// <param name="Uncovered">Reserved units without confirmed supply (cap or shortfall).</param>
/// <param name="EarliestUncoveredPromise">The earliest promise such units back; null when none.</param>
/// <param name="DemandPerDay">Units reserved per day over the look-back.</param>
/// <param name="DemandDeviation">Their standard deviation.</param>
/// <param name="DemandDays">Days in the look-back.</param>
/// <param name="NeedBy">When goods must be in the warehouse; null when no date is set by promises or demand.</param>
/// <param name="Suggestion">The suggestion; null when nothing needs ordering or no supplier offers the SKU.</param>
/// <param name="SuppliersConsidered">The suppliers whose terms offer the SKU.</param>
public sealed record ReplenishmentView(
    string Sku,
    DateOnly Today,
    long OnHand,
    long Inbound,
    long Reserved,
    long Uncovered,
    DateOnly? EarliestUncoveredPromise,
    double DemandPerDay,
    double DemandDeviation,
    int DemandDays,
    DateOnly? NeedBy,
    ReplenishmentSuggestion? Suggestion,
    IReadOnlyList<string> SuppliersConsidered);
