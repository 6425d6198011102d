using Presale.Domain.Common;

namespace Presale.Domain.Returns.Triage;

/// <summary>
/// A claim against the supplier for a unit sent back to them (a return-to-vendor decision). Claims count on the
/// supplier's scorecard. <see cref="ClaimId"/> is deterministic, so storing a claim twice is detectable.
/// </summary>
/// <param name="ClaimId">"{returnId}:{unitId}" — one claim per returned unit.</param>
/// <param name="ReturnId">The return the unit belongs to.</param>
/// <param name="OrderId">The order the unit was sold on.</param>
/// <param name="SupplierId">The supplier the claim is against.</param>
/// <param name="UnitId">The unit claimed for.</param>
/// <param name="Reason">The customer's reason.</param>
/// <param name="Grade">The inspected grade.</param>
/// <param name="UnitValue">The price the customer paid for the unit.</param>
/// <param name="WarrantyUntil">The last day of the supplier's warranty for the unit, if any.</param>
/// <param name="DecidedBy">The basis of the decision (rule name or reviewer).</param>
/// <param name="CreatedAt">When the decision was made.</param>
public sealed record SupplierClaim(
    string ClaimId,
    string ReturnId,
    string OrderId,
    string SupplierId,
    ReturnUnitId UnitId,
    ReturnReason Reason,
    ConditionGrade? Grade,
    Money UnitValue,
    DateOnly? WarrantyUntil,
    string DecidedBy,
    DateTimeOffset CreatedAt);
