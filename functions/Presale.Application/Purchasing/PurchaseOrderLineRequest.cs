namespace Presale.Application.Purchasing;

/// <summary>A line of a new purchase order.</summary>
/// <param name="Sku">A configured SKU.</param>
/// <param name="Quantity">Units (1–1,000,000).</param>
/// <param name="UnitCost">Cost per unit (positive, at most 6 decimals); omitted: the supplier's catalogue cost.</param>
public sealed record PurchaseOrderLineRequest(string? Sku, int? Quantity, decimal? UnitCost);
