namespace Presale.Application.Suppliers;

/// <summary>Body of <c>POST /api/suppliers/{supplierId}/receipts</c>: one delivery of a lot (deliveries add up).</summary>
/// <param name="EventId">The supplier's id of this event (unique per supplier).</param>
/// <param name="SupplierTimestamp">When the supplier issued it.</param>
/// <param name="LotId">The lot.</param>
/// <param name="Lines">Per SKU the units received in this delivery (fewer or more than ordered is fine).</param>
public sealed record ReceiptRequest(string? EventId, DateTimeOffset? SupplierTimestamp, string? LotId, IReadOnlyList<SupplierLotLineRequest>? Lines);
