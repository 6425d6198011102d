namespace Presale.Application.Catalog;

/// <summary>The body of <c>PUT /api/skus/{sku}</c>: the SKU's pre-sale settings.</summary>
/// <param name="PreSaleEnabled">Whether the SKU may be sold ahead of supply.</param>
/// <param name="SaleFrom">When the sale opens (inclusive); null = open now.</param>
/// <param name="SaleTo">When the sale closes (exclusive); null = open-ended.</param>
/// <param name="Cap">Units sellable beyond on hand + confirmed inbound (0 = only confirmed supply).</param>
/// <param name="MaxPerOrder">The most units of this SKU one order may take.</param>
/// <param name="HandlingDays">Days from supply in the warehouse to dispatch; null = the shop's default.</param>
/// <param name="CapLeadDays">Days after the last confirmed supply that a cap unit is available; default 14.</param>
/// <param name="Category">Optional product category (used by returns rules).</param>
public sealed record SkuSettingsRequest(bool? PreSaleEnabled, DateTimeOffset? SaleFrom, DateTimeOffset? SaleTo, int? Cap, int? MaxPerOrder, int? HandlingDays, int? CapLeadDays, string? Category)
{
    /// <summary>The cap lead used when a request leaves it out.</summary>
    public const int DefaultCapLeadDays = 14;
}
