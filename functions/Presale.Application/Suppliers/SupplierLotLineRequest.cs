namespace Presale.Application.Suppliers;

/// <summary>A SKU and a quantity in a supplier's ETA update or receipt.</summary>
/// <param name="Sku">A SKU on the lot.</param>
/// <param name="Quantity">ETA update: units the supplier will now deliver in all for the SKU (a short shipment);
/// receipt: units received in this delivery.</param>
public sealed record SupplierLotLineRequest(string? Sku, int? Quantity);
