using Presale.Domain.Reconciliation;

namespace Presale.Benchmarks.Reconciliation;

/// <summary>A stored peg.</summary>
public sealed record PegRow(SupplySourceKind Kind, string? LotId, int Units);
