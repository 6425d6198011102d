namespace Presale.Domain.Purchasing;

/// <summary>Everything a purchase order holds, for storing and restoring it.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Currency">The ISO 4217 currency of its costs.</param>
/// <param name="Terms">How its lines are judged.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Lines">Its lines, in line-number order.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedOn">The shop-local day it was created.</param>
/// <param name="Note">The operator's note.</param>
public sealed record PurchaseOrderSnapshot(
    PurchaseOrderId Id,
    string SupplierId,
    string Currency,
    PurchaseOrderTerms Terms,
    PurchaseOrderSource Source,
    IReadOnlyList<PurchaseOrderLine> Lines,
    DateTimeOffset CreatedAt,
    DateOnly CreatedOn,
    string? Note);
