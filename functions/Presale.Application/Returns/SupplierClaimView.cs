namespace Presale.Application.Returns;

/// <summary>A claim raised against a supplier by a return-to-vendor decision.</summary>
/// <param name="ClaimId">The claim id (<c>{returnId}:{unitId}</c>).</param>
/// <param name="SupplierId">The supplier.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="DecidedBy">The rule or reviewer.</param>
public sealed record SupplierClaimView(string ClaimId, string SupplierId, string UnitId, string DecidedBy);
