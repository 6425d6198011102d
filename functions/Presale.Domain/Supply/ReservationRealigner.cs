namespace Presale.Domain.Supply;

/// <summary>
/// Moves reservations between supply sources inside allocation shards, never between shards: each shard keeps its
/// total reserved (which is what its reservation rows add up to), only the split by source changes. Used when a SKU's
/// supply changes under existing reservations (receipt, ETA change, short shipment, cancelled lot) and when a
/// reconciliation re-pegs orders, so the shards' free units per source say what is really still free.
/// </summary>
public static class ReservationRealigner
{
    /// <summary>
    /// Reserved units per source after the supply targets change: each source keeps what it holds up to its new target;
    /// the excess moves to the sources of <paramref name="sequence"/> with room left, in that order (earliest supply
    /// first); what finds no room becomes <see cref="SupplySource.Shortfall"/>.
    /// </summary>
    /// <param name="reserved">Reserved units per source key now.</param>
    /// <param name="targets">The new supply per source key (the shortfall target is ignored).</param>
    /// <param name="sequence">Source keys in the order excess reservations move to.</param>
    public static IReadOnlyDictionary<string, long> Rebase(IReadOnlyDictionary<string, long> reserved, IReadOnlyDictionary<string, int> targets, IReadOnlyList<string> sequence)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sequence);
        var shortKey = SupplySource.Shortfall.Key;
        var desired = new Dictionary<string, long>(StringComparer.Ordinal);
        long excess = 0;
        foreach (var (key, units) in reserved)
        {
            var room = key == shortKey ? 0 : targets.GetValueOrDefault(key);
            var kept = Math.Min(units, room);
            desired[key] = kept;
            excess += units - kept;
        }

        foreach (var key in sequence)
        {
            if (excess == 0)
            {
                break;
            }

            var room = targets.GetValueOrDefault(key) - desired.GetValueOrDefault(key);
            var take = Math.Min(room, excess);
            if (take > 0)
            {
                desired[key] = desired.GetValueOrDefault(key) + take;
                excess -= take;
            }
        }

        desired[shortKey] = excess;
        return desired;
    }

    /// <summary>Reserved units per source key over all <paramref name="shards"/>.</summary>
    public static IReadOnlyDictionary<string, long> Reserved(IReadOnlyList<AllocationShard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var (key, quota) in shard.Segments)
            {
                totals[key] = totals.GetValueOrDefault(key) + quota.Reserved;
            }
        }

        return totals;
    }

    /// <summary>
    /// The shards with reservations moved between sources so that Σ reserved per source equals
    /// <paramref name="desired"/>; a shard's quota of a source is raised where it must cover more reservations (re-spread
    /// quotas to the ledger's targets with <see cref="QuotaDistributor"/> afterwards).
    /// </summary>
    /// <exception cref="ArgumentException">The desired total differs from the units reserved.</exception>
    public static IReadOnlyList<AllocationShard> Realign(IReadOnlyList<AllocationShard> shards, IReadOnlyDictionary<string, long> desired)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(desired);
        var current = Reserved(shards);
        if (current.Values.Sum() != desired.Values.Sum() || desired.Values.Any(v => v < 0))
        {
            throw new ArgumentException($"The desired reservations ({desired.Values.Sum()}) must be non-negative and add up to the units reserved ({current.Values.Sum()}).", nameof(desired));
        }

        var keys = current.Keys.Concat(desired.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var over = keys.Where(k => current.GetValueOrDefault(k) > desired.GetValueOrDefault(k))
            .ToDictionary(k => k, k => current.GetValueOrDefault(k) - desired.GetValueOrDefault(k), StringComparer.Ordinal);
        var under = keys.Where(k => current.GetValueOrDefault(k) < desired.GetValueOrDefault(k))
            .ToDictionary(k => k, k => desired.GetValueOrDefault(k) - current.GetValueOrDefault(k), StringComparer.Ordinal);
        if (over.Count == 0)
        {
            return shards;
        }

        var result = new List<AllocationShard>(shards.Count);
        foreach (var shard in shards)
        {
            var map = shard.Segments.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            var changed = false;
            foreach (var from in over.Keys.ToList())
            {
                var held = map.GetValueOrDefault(from).Reserved;
                var move = (int)Math.Min(held, over[from]);
                while (move > 0)
                {
                    var to = under.First(u => u.Value > 0).Key;
                    var units = (int)Math.Min(move, under[to]);
                    var source = map[from];
                    map[from] = source with { Reserved = source.Reserved - units };
                    var target = map.GetValueOrDefault(to);
                    var reserved = target.Reserved + units;
                    map[to] = new ShardQuota(Math.Max(target.Quota, reserved), reserved);
                    over[from] -= units;
                    under[to] -= units;
                    move -= units;
                    changed = true;
                }
            }

            result.Add(changed ? new AllocationShard(shard.Index, map) : shard);
        }

        return result;
    }
}
