namespace Presale.Domain.Supply;

/// <summary>
/// Keeps Σ shard quotas equal to the ledger's supply per source. Added units are spread evenly (the emptiest shards
/// get the remainder); removed units are taken from free quota in proportion to each shard's free units, so a shard's
/// quota never drops below what it has reserved. Supply below what is already reserved is refused.
/// </summary>
public static class QuotaDistributor
{
    /// <summary>Spreads <paramref name="targets"/> (units per supply key; keys absent mean zero) over <paramref name="shards"/>.</summary>
    public static DistributionResult Distribute(IReadOnlyList<AllocationShard> shards, IReadOnlyDictionary<string, int> targets)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(targets);
        if (shards.Count == 0)
        {
            throw new ArgumentException("At least one shard is needed.", nameof(shards));
        }

        var current = shards.ToArray();
        var keys = targets.Keys.Concat(shards.SelectMany(s => s.Segments.Keys)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            var target = targets.GetValueOrDefault(key);
            var quota = current.Sum(s => (long)s[key].Quota);
            var reserved = current.Sum(s => (long)s[key].Reserved);
            if (target < reserved)
            {
                return new DistributionResult.BelowReserved(key, reserved, target);
            }

            var delta = target - quota;
            if (delta > 0)
            {
                var order = Enumerable.Range(0, current.Length).OrderBy(i => current[i].Free(key)).ThenBy(i => current[i].Index).ToList();
                var each = delta / current.Length;
                var remainder = delta % current.Length;
                for (var n = 0; n < order.Count; n++)
                {
                    var i = order[n];
                    var add = each + (n < remainder ? 1 : 0);
                    if (add > 0)
                    {
                        current[i] = current[i].WithQuota(key, checked((int)(current[i][key].Quota + add)));
                    }
                }
            }
            else if (delta < 0)
            {
                Remove(current, key, -delta);
            }
        }

        return new DistributionResult.Distributed(current);
    }

    private static void Remove(AllocationShard[] shards, string key, long units)
    {
        var free = shards.Sum(s => (long)s.Free(key));
        var takes = new long[shards.Length];
        long taken = 0;
        for (var i = 0; i < shards.Length; i++)
        {
            takes[i] = shards[i].Free(key) * units / free;
            taken += takes[i];
        }

        foreach (var i in Enumerable.Range(0, shards.Length).OrderByDescending(i => shards[i].Free(key) - takes[i]).ThenBy(i => i))
        {
            if (taken == units)
            {
                break;
            }

            var more = Math.Min(units - taken, shards[i].Free(key) - takes[i]);
            takes[i] += more;
            taken += more;
        }

        for (var i = 0; i < shards.Length; i++)
        {
            if (takes[i] > 0)
            {
                shards[i] = shards[i].WithQuota(key, (int)(shards[i][key].Quota - takes[i]));
            }
        }
    }
}
