using Presale.Application.Storage;
using Presale.Domain.Catalog;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// A SKU's sellable state read in one query: settings, ledger and allocation shards with their versions. A reservation
/// computed from it is written conditioned on the shards it touches; because every ledger change rewrites every shard,
/// that condition also proves the ledger (and so the promise dates) did not change in between.
/// </summary>
public sealed record SkuState(SkuSettings Settings, ETag SettingsETag, SupplyLedger Ledger, ETag LedgerETag, long LedgerVersion, IReadOnlyList<StoredShard> Shards)
{
    /// <summary>True when every shard was written with the current ledger version (false only mid-way through a concurrent change).</summary>
    public bool IsConsistent => Shards.Count > 0 && Shards.All(s => s.LedgerVersion == LedgerVersion);

    /// <summary>The shards without their versions.</summary>
    public IReadOnlyList<AllocationShard> AllocationShards => [.. Shards.Select(s => s.Shard)];

    /// <summary>
    /// The supply sequence as of <paramref name="today"/> (shop-local date), each lot dated with its supplier's slip
    /// buffer from <paramref name="slips"/> (see <see cref="SupplyLedger.Sequence"/>; none: lots at their ETA).
    /// </summary>
    public IReadOnlyList<SupplySegment> Sequence(DateOnly today, IReadOnlyDictionary<string, PromiseBuffer>? slips = null) =>
        Ledger.Sequence(today, Settings.CapLeadDays, slips is null || slips.Count == 0 ? null : slips.ToDictionary(s => s.Key, s => s.Value.Days, StringComparer.Ordinal));

    /// <summary>Units reserved across all shards.</summary>
    public long Reserved => Shards.Sum(s => s.Shard.Segments.Values.Sum(q => (long)q.Reserved));

    /// <summary>Units reservable now.</summary>
    public long Available(DateOnly today) => SupplyAllocator.Availability(AllocationShards, Sequence(today)).Available;
}
