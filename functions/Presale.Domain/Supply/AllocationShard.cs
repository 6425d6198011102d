using System.Collections.ObjectModel;

namespace Presale.Domain.Supply;

/// <summary>
/// One of the N slices a SKU's sellable capacity is split into, so that concurrent orders for one hot SKU update
/// different entities instead of queueing on one counter. A shard holds, per supply source, a quota and the units
/// reserved against it; Σ quotas over shards equals the ledger's supply per source, so Σ reserved never exceeds it.
/// Immutable: each change returns a new shard.
/// </summary>
public sealed class AllocationShard
{
    private readonly ReadOnlyDictionary<string, ShardQuota> _segments;

    /// <summary>Creates a shard; every quota must cover its reservations.</summary>
    public AllocationShard(int index, IEnumerable<KeyValuePair<string, ShardQuota>> segments)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(segments);
        var map = new Dictionary<string, ShardQuota>(StringComparer.Ordinal);
        foreach (var (key, quota) in segments)
        {
            if (quota.Reserved < 0 || quota.Quota < quota.Reserved)
            {
                throw new ArgumentException($"Shard {index} source '{key}': quota {quota.Quota} does not cover {quota.Reserved} reserved.", nameof(segments));
            }

            if (quota != default)
            {
                map[key] = quota;
            }
        }

        Index = index;
        _segments = map.AsReadOnly();
    }

    /// <summary>The shard's number, 0 to N − 1.</summary>
    public int Index { get; }

    /// <summary>Quota and reservations per supply key (sources with neither are absent).</summary>
    public IReadOnlyDictionary<string, ShardQuota> Segments => _segments;

    /// <summary>An empty shard.</summary>
    public static AllocationShard Empty(int index) => new(index, []);

    /// <summary>Quota and reservations for <paramref name="key"/>.</summary>
    public ShardQuota this[string key] => _segments.GetValueOrDefault(key);

    /// <summary>Units of <paramref name="key"/> still reservable in this shard.</summary>
    public int Free(string key) => this[key].Free;

    /// <summary>The shard with <paramref name="units"/> more reserved against <paramref name="key"/> (negative releases).</summary>
    public AllocationShard Reserve(string key, int units)
    {
        var current = this[key];
        var reserved = current.Reserved + units;
        if (reserved < 0 || reserved > current.Quota)
        {
            throw new InvalidOperationException($"Shard {Index} source '{key}': reserving {units} would leave {reserved} reserved against a quota of {current.Quota}.");
        }

        return With(key, current with { Reserved = reserved });
    }

    /// <summary>
    /// The shard with <paramref name="units"/> of a reservation recorded against <paramref name="key"/> given back:
    /// from <paramref name="key"/> as far as it holds reservations, the rest from the other sources (the shortfall
    /// first), because a receipt, a cancelled lot or a reconciliation may have moved the reservation to another source
    /// of the same shard since it was recorded. A shard's total reserved always covers the reservations drawn on it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The shard holds fewer reservations than <paramref name="units"/>.</exception>
    public AllocationShard Release(string key, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var map = new Dictionary<string, ShardQuota>(_segments, StringComparer.Ordinal);
        var left = units;
        var order = new[] { key, SupplySource.Shortfall.Key }
            .Concat(_segments.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var source in order)
        {
            if (left == 0)
            {
                break;
            }

            var current = map.GetValueOrDefault(source);
            var take = Math.Min(left, current.Reserved);
            if (take > 0)
            {
                map[source] = current with { Reserved = current.Reserved - take };
                left -= take;
            }
        }

        return left == 0
            ? new AllocationShard(Index, map)
            : throw new InvalidOperationException($"Shard {Index} holds {units - left} reserved units; releasing {units} of '{key}' is impossible.");
    }

    /// <summary>The shard with another quota for <paramref name="key"/>; it must cover what is reserved.</summary>
    public AllocationShard WithQuota(string key, int quota)
    {
        var current = this[key];
        if (quota < current.Reserved)
        {
            throw new InvalidOperationException($"Shard {Index} source '{key}': a quota of {quota} does not cover {current.Reserved} reserved.");
        }

        return With(key, current with { Quota = quota });
    }

    private AllocationShard With(string key, ShardQuota quota)
    {
        var map = new Dictionary<string, ShardQuota>(_segments, StringComparer.Ordinal) { [key] = quota };
        return new AllocationShard(Index, map);
    }
}
