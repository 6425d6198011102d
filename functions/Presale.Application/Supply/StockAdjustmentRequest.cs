namespace Presale.Application.Supply;

/// <summary>The body of <c>POST /api/skus/{sku}/stock-adjustments</c> (sent with an <c>Idempotency-Key</c> header).</summary>
/// <param name="Quantity">Units to add (positive) or remove (negative) on hand; not zero.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">Optional free text for the audit trail (at most 500 characters).</param>
public sealed record StockAdjustmentRequest(int? Quantity, StockAdjustmentReason? Reason, string? Note);
