namespace Presale.Domain.Supply;

/// <summary>
/// Chooses which shards and supply a reservation takes: the earliest supply first (on hand, then lots by ETA, then
/// the cap), and among the shards holding free units of that supply a randomly chosen one first, so concurrent
/// orders spread over the shards instead of colliding on one.
/// </summary>
public static class SupplyAllocator
{
    /// <summary>
    /// Allocates <paramref name="quantity"/> units. <paramref name="pick"/> returns a number in [0, n) for a given n
    /// (inject randomness so tests are reproducible). Sources a shard holds but the sequence lacks are not sellable.
    /// </summary>
    public static AllocationResult Allocate(IReadOnlyList<AllocationShard> shards, IReadOnlyList<SupplySegment> sequence, int quantity, Func<int, int> pick)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);

        var (available, lastAvailable) = Availability(shards, sequence);
        if (available < quantity)
        {
            return new AllocationResult.Short((int)Math.Min(available, int.MaxValue), lastAvailable);
        }

        var current = shards.ToDictionary(s => s.Index);
        var changed = new SortedSet<int>();
        var parts = new List<AllocationPart>();
        var need = quantity;
        SupplySegment? backing = null;
        foreach (var segment in sequence)
        {
            if (need == 0)
            {
                break;
            }

            var key = segment.Source.Key;
            var candidates = shards.Where(s => s.Free(key) > 0).Select(s => s.Index).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var start = pick(candidates.Count);
            if (start < 0 || start >= candidates.Count)
            {
                throw new InvalidOperationException($"The picker returned {start}, outside [0, {candidates.Count}).");
            }

            for (var i = 0; i < candidates.Count && need > 0; i++)
            {
                var index = candidates[(start + i) % candidates.Count];
                var shard = current[index];
                var take = Math.Min(need, shard.Free(key));
                current[index] = shard.Reserve(key, take);
                changed.Add(index);
                parts.Add(new AllocationPart(index, segment.Source, take));
                need -= take;
            }

            backing = segment;
        }

        return new AllocationResult.Allocated(parts, backing!, changed.Select(i => current[i]).ToList());
    }

    /// <summary>Units reservable now, and the segment the last of them comes from.</summary>
    public static (long Available, SupplySegment? LastAvailable) Availability(IReadOnlyList<AllocationShard> shards, IReadOnlyList<SupplySegment> sequence)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(sequence);
        long available = 0;
        SupplySegment? last = null;
        foreach (var segment in sequence)
        {
            var free = shards.Sum(s => (long)Math.Max(0, s.Free(segment.Source.Key)));
            if (free > 0)
            {
                available += free;
                last = segment;
            }
        }

        return (available, last);
    }

    /// <summary>
    /// The segment holding the <paramref name="units"/>-th free unit in sequence order (what taking that many units
    /// would be promised from), or null when fewer units are free or <paramref name="units"/> is not positive.
    /// </summary>
    public static SupplySegment? SegmentForUnits(IReadOnlyList<AllocationShard> shards, IReadOnlyList<SupplySegment> sequence, long units)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(sequence);
        if (units <= 0)
        {
            return null;
        }

        long cumulative = 0;
        foreach (var segment in sequence)
        {
            cumulative += shards.Sum(s => (long)Math.Max(0, s.Free(segment.Source.Key)));
            if (cumulative >= units)
            {
                return segment;
            }
        }

        return null;
    }
}
