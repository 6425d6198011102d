namespace Presale.Domain.Supply;

/// <summary>A SKU's supply after shipped units were taken out of it or put back (<see cref="ShippedStock"/>).</summary>
/// <param name="Ledger">The ledger: on hand changed by the shipped units (and the shortfall, when reservations had to move).</param>
/// <param name="Shards">Every shard, quotas spread to the ledger's targets.</param>
/// <param name="Parts">
/// The line's reservation parts: after <see cref="ShippedStock.Take"/> what is left of the reservation; after
/// <see cref="ShippedStock.PutBack"/> the on-hand parts to add back to it.
/// </param>
public sealed record ShippedStockChange(SupplyLedger Ledger, IReadOnlyList<AllocationShard> Shards, IReadOnlyList<AllocationPart> Parts);
