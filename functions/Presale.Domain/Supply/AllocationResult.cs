namespace Presale.Domain.Supply;

/// <summary>The outcome of allocating units of one SKU: allocated, or short with what is available.</summary>
public abstract record AllocationResult
{
    private AllocationResult()
    {
    }

    /// <summary>The units were allocated.</summary>
    /// <param name="Parts">What was taken from which shard and source.</param>
    /// <param name="Backing">The latest supply segment drawn on: the promise is based on it.</param>
    /// <param name="ChangedShards">The touched shards in their new state.</param>
    public sealed record Allocated(IReadOnlyList<AllocationPart> Parts, SupplySegment Backing, IReadOnlyList<AllocationShard> ChangedShards) : AllocationResult;

    /// <summary>Not enough supply.</summary>
    /// <param name="Available">Units that could be allocated now.</param>
    /// <param name="LastAvailable">The segment the last available unit comes from (its promise is the earliest for
    /// <paramref name="Available"/> units), or null when nothing is available.</param>
    public sealed record Short(int Available, SupplySegment? LastAvailable) : AllocationResult;
}
