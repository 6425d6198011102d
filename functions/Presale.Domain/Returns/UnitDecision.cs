using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Returns;

/// <summary>A decision applied to a unit by <see cref="ReturnRequest.Triage"/> (restock, review, claim... follow from it).</summary>
/// <param name="UnitId">The unit decided.</param>
/// <param name="Decision">What was decided and on what basis.</param>
public sealed record UnitDecision(ReturnUnitId UnitId, TriageDecision Decision);
