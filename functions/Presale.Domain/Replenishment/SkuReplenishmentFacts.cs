using Presale.Domain.Common;

namespace Presale.Domain.Replenishment;

/// <summary>A SKU's supply and demand as replenishment sees them on <paramref name="Today"/>.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Today">The shop's today.</param>
/// <param name="OnHand">Units in the warehouse.</param>
/// <param name="Inbound">Units still expected on inbound lots.</param>
/// <param name="Reserved">Units held by open orders (pre-sold and sold, not shipped).</param>
/// <param name="Uncovered">Reserved units with no confirmed supply behind them (sold against the pre-sale cap, or left short by a supplier).</param>
/// <param name="EarliestUncoveredPromise">The earliest date promised to a customer whose units are uncovered; null when none are.</param>
/// <param name="HandlingDays">Days from goods in the warehouse to the parcel leaving.</param>
/// <param name="Demand">Units reserved per day over the look-back.</param>
public sealed record SkuReplenishmentFacts(
    Sku Sku,
    DateOnly Today,
    long OnHand,
    long Inbound,
    long Reserved,
    long Uncovered,
    DateOnly? EarliestUncoveredPromise,
    int HandlingDays,
    DemandRate Demand)
{
    /// <summary>On hand + inbound − reserved: what is left for new demand (negative when more is sold than confirmed).</summary>
    public long Position => OnHand + Inbound - Reserved;
}
