namespace Presale.Application.Supply;

/// <summary>An inbound lot line of one SKU.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="LotId">The lot.</param>
/// <param name="PurchaseOrderReference">The purchase order.</param>
/// <param name="Quantity">Units still expected.</param>
/// <param name="Eta">Expected arrival (shop-local date).</param>
public sealed record InboundLotView(string SupplierId, string LotId, string PurchaseOrderReference, int Quantity, DateOnly Eta);
