namespace Presale.Domain.Supply;

/// <summary>The outcome of spreading a ledger's supply over the allocation shards.</summary>
public abstract record DistributionResult
{
    private DistributionResult()
    {
    }

    /// <summary>Every shard in its new state (all of them, changed or not).</summary>
    public sealed record Distributed(IReadOnlyList<AllocationShard> Shards) : DistributionResult;

    /// <summary>The new supply of <paramref name="Key"/> would be below the units already reserved against it.</summary>
    public sealed record BelowReserved(string Key, long Reserved, int Target) : DistributionResult;
}
