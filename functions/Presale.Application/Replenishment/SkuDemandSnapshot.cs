using Presale.Application.Supply;

namespace Presale.Application.Replenishment;

/// <summary>A SKU's supply state and the demand its reservations show, read for replenishment and purchase-order dates.</summary>
/// <param name="State">Settings, ledger and shards.</param>
/// <param name="Reservations">Every open reservation of the SKU.</param>
/// <param name="Uncovered">Reserved units taken from the pre-sale cap or left short: no confirmed supply behind them.</param>
/// <param name="EarliestUncoveredPromise">The earliest promise of a reservation holding uncovered units; null when none does.</param>
/// <param name="HandlingDays">The SKU's handling days.</param>
public sealed record SkuDemandSnapshot(SkuState State, IReadOnlyList<Reservation> Reservations, long Uncovered, DateOnly? EarliestUncoveredPromise, int HandlingDays)
{
    /// <summary>The date goods must be in the warehouse for the earliest uncovered promise: that promise less handling days; null when nothing is uncovered.</summary>
    public DateOnly? UncoveredNeedBy => EarliestUncoveredPromise?.AddDays(-HandlingDays);
}
