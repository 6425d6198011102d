namespace Presale.Application.Purchasing;

/// <summary>A SKU the supplier offers.</summary>
/// <param name="Sku">The SKU (configured in the shop).</param>
/// <param name="UnitCost">The agreed cost per unit (positive, at most 6 decimals).</param>
/// <param name="MinimumOrderQuantity">The fewest units per line (default 1).</param>
/// <param name="PackSize">Units per case; orders are rounded up to whole cases (default 1).</param>
public sealed record CatalogueItemRequest(string? Sku, decimal? UnitCost, int? MinimumOrderQuantity, int? PackSize);
