using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>A line of a purchase order being created.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units (1 … <see cref="PurchaseOrder.MaxUnitsPerLine"/>).</param>
/// <param name="UnitCost">Cost per unit, in the order's currency.</param>
/// <param name="RequestedDate">The delivery date the shop needs (shop-local).</param>
public sealed record NewPurchaseOrderLine(Sku Sku, int Quantity, Money UnitCost, DateOnly RequestedDate);
