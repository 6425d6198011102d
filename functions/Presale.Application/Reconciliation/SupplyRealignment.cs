using Presale.Application.Supply;
using Presale.Domain.Reconciliation;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>The supply write a reconcile plan needs in the SKU's partition (docs/reconciliation.md, step 5).</summary>
internal static class SupplyRealignment
{
    /// <summary>
    /// The ledger synchronised with the lots and holding the plan's shortfall, and the shards with reservations split by
    /// source as the plan pegs them (when the plan covers exactly the units the shards hold; otherwise the shards are
    /// rebased: excess reservations of a shrunken source move to the next source with room) and quotas re-spread to the
    /// ledger's targets — or (null, null) when neither differs from <paramref name="state"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The realigned reservations exceed a source's target (a broken invariant).</exception>
    public static (SupplyLedger? Ledger, IReadOnlyList<AllocationShard>? Shards) For(SkuState state, SupplyLedger ledger, ReconciliationPlan plan, DateOnly today)
    {
        var current = ReservationRealigner.Reserved(state.AllocationShards);
        var pegged = SupplyPlanMapping.PeggedByKey(plan);
        var desired = pegged.Values.Sum() == current.Values.Sum()
            ? pegged
            : ReservationRealigner.Rebase(current, ledger.Targets(), [.. ledger.Sequence(today, state.Settings.CapLeadDays).Select(s => s.Source.Key)]);
        var shortfall = (int)desired.GetValueOrDefault(Domain.Supply.SupplySource.Shortfall.Key);
        var newLedger = ledger.Shortfall == shortfall ? ledger : ledger.WithShortfall(shortfall);
        var moved = current.Keys.Concat(desired.Keys).Any(k => current.GetValueOrDefault(k) != desired.GetValueOrDefault(k));
        if (ReferenceEquals(newLedger, state.Ledger) && !moved)
        {
            return (null, null);
        }

        var realigned = ReservationRealigner.Realign(state.AllocationShards, desired);
        return QuotaDistributor.Distribute(realigned, newLedger.Targets()) switch
        {
            DistributionResult.Distributed distributed => (newLedger, distributed.Shards),
            DistributionResult.BelowReserved below => throw new InvalidOperationException(
                $"SKU {state.Settings.Sku}: the plan leaves {below.Reserved} reserved against {below.Target} units of '{below.Key}'."),
            _ => throw new InvalidOperationException("Unknown distribution result."),
        };
    }
}
