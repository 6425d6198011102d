namespace Presale.Application.Returns;

/// <summary>
/// A supplier claim as stored in the claims table (partition = supplier id, row = claim id) and carried by its outbox
/// row: what the supplier scorecard counts as a return-to-vendor claim, per lot when the unit's lot is known.
/// </summary>
/// <param name="ClaimId">The claim id (<c>{returnId}:{unitId}</c>).</param>
/// <param name="SupplierId">The supplier.</param>
/// <param name="LotId">The supplier lot the order line was promised from, or null.</param>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Reason">The customer's reason.</param>
/// <param name="Grade">The inspected grade.</param>
/// <param name="UnitValue">The unit's price.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="WarrantyUntil">The warranty's last day, if any.</param>
/// <param name="DecidedBy">The rule or reviewer.</param>
/// <param name="CreatedAt">When it was decided.</param>
public sealed record SupplierClaimRecord(
    string ClaimId, string SupplierId, string? LotId, string ReturnId, string OrderId, string UnitId, string Sku, string Reason, string? Grade,
    decimal UnitValue, string Currency, DateOnly? WarrantyUntil, string DecidedBy, DateTimeOffset CreatedAt);
