namespace Presale.Domain.Supply;

/// <summary>Units one reservation takes from one shard's quota of one supply source.</summary>
/// <param name="Shard">The shard index.</param>
/// <param name="Source">The supply source.</param>
/// <param name="Quantity">Units taken.</param>
public sealed record AllocationPart(int Shard, SupplySource Source, int Quantity);
