namespace Presale.Application.Supply;

/// <summary>The body of <c>POST /api/suppliers/{supplierId}/lots</c>: an inbound lot on a purchase order.</summary>
/// <param name="LotId">The supplier's lot id, unique per supplier.</param>
/// <param name="PurchaseOrderReference">The shop's purchase-order reference.</param>
/// <param name="Eta">The date the lot is expected in the warehouse (shop-local date, not in the past).</param>
/// <param name="Lines">SKUs and quantities on the lot (each SKU once).</param>
public sealed record RegisterLotRequest(string? LotId, string? PurchaseOrderReference, DateOnly? Eta, IReadOnlyList<LotLineRequest>? Lines);
