namespace Presale.Application.Purchasing;

/// <summary>
/// The body of <c>POST /api/purchase-orders</c>: a purchase order to one supplier, written by hand or taken from a
/// replenishment suggestion. The id is the shop's purchase-order number: posting the same order again answers with the
/// stored one, another order under the same id is refused.
/// </summary>
/// <param name="PurchaseOrderId">The purchase-order number (identifier rules, at most 60 characters), unique per supplier.</param>
/// <param name="SupplierId">A registered supplier with terms.</param>
/// <param name="Currency">Optional; must be the supplier's terms' currency.</param>
/// <param name="Lines">1–100 lines, each SKU once.</param>
/// <param name="RequestedDeliveryDate">Optional delivery date for every line (shop-local, today or later); omitted: per line the date its SKU's earliest promise without confirmed supply needs the goods by (less handling days), else today plus the supplier's lead time.</param>
/// <param name="SuggestionId">The replenishment suggestion it was taken from, if any.</param>
/// <param name="Note">Free text (at most 500 characters).</param>
public sealed record CreatePurchaseOrderRequest(
    string? PurchaseOrderId,
    string? SupplierId,
    string? Currency,
    IReadOnlyList<PurchaseOrderLineRequest>? Lines,
    DateOnly? RequestedDeliveryDate,
    string? SuggestionId,
    string? Note);
