namespace Presale.Application.Suppliers;

/// <summary>Body of <c>POST /api/suppliers/{supplierId}/eta-updates</c>.</summary>
/// <param name="EventId">The supplier's id of this event (unique per supplier).</param>
/// <param name="SupplierTimestamp">When the supplier issued it; an update older than the last applied one of the lot is stale.</param>
/// <param name="LotId">The lot.</param>
/// <param name="NewEta">The new ETA: a date (<c>2026-03-20</c>, the shop's calendar) or an instant (converted to the shop's date). Required unless the update cancels the lot or changes quantities.</param>
/// <param name="Lines">Optional short shipment: per SKU the units the supplier will now deliver in all.</param>
/// <param name="Cancelled">True when the supplier cancels what is still outstanding on the lot.</param>
/// <param name="Reason">Free text for the ETA history.</param>
public sealed record EtaUpdateRequest(string? EventId, DateTimeOffset? SupplierTimestamp, string? LotId, string? NewEta, IReadOnlyList<SupplierLotLineRequest>? Lines, bool? Cancelled, string? Reason);
