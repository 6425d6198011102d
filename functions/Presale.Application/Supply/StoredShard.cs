using Presale.Application.Storage;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>An allocation shard as read from storage: its state, version, and the ledger version it was last written with.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="ETag">Its version.</param>
/// <param name="LedgerVersion">The ledger version written with it; every ledger change rewrites every shard with the new version.</param>
public sealed record StoredShard(AllocationShard Shard, ETag ETag, long LedgerVersion);
