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
    string? Note)
{
    /// <summary>
    /// The purchase order a replenishment suggestion proposes, numbered <paramref name="purchaseOrderId"/>: the chosen
    /// supplier, the SKU, the quantity and the unit cost, requested for the date the goods are needed when the supplier
    /// can make it, else for its earliest arrival (a date it cannot keep would only earn it a late charge).
    /// </summary>
    public static CreatePurchaseOrderRequest FromSuggestion(Presale.Domain.Replenishment.ReplenishmentSuggestion suggestion, string purchaseOrderId)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var chosen = suggestion.Chosen;
        var requested = chosen.KeepsPromises && suggestion.NeedBy is { } needBy && needBy >= suggestion.Today ? needBy : chosen.Arrival;
        return new CreatePurchaseOrderRequest(
            purchaseOrderId,
            chosen.SupplierId,
            chosen.UnitCost.Currency,
            [new PurchaseOrderLineRequest(suggestion.Sku, chosen.Quantity, chosen.UnitCost.Amount)],
            requested,
            suggestion.SuggestionId,
            suggestion.Explanation.Length <= CreatePurchaseOrderRequestValidator.MaxNoteLength ? suggestion.Explanation : suggestion.Explanation[..CreatePurchaseOrderRequestValidator.MaxNoteLength]);
    }
}
