using Presale.Domain.Catalog;

namespace Presale.Application.Catalog;

/// <summary>A SKU's pre-sale settings as the API shows them.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="PreSaleEnabled">Whether pre-sale is on.</param>
/// <param name="SaleFrom">Sale window start.</param>
/// <param name="SaleTo">Sale window end.</param>
/// <param name="Cap">Units sellable beyond confirmed supply.</param>
/// <param name="MaxPerOrder">Most units per order.</param>
/// <param name="HandlingDays">Handling days (null = shop default).</param>
/// <param name="CapLeadDays">Cap lead days.</param>
/// <param name="Category">Category.</param>
public sealed record SkuSettingsView(string Sku, bool PreSaleEnabled, DateTimeOffset? SaleFrom, DateTimeOffset? SaleTo, int Cap, int MaxPerOrder, int? HandlingDays, int CapLeadDays, string? Category)
{
    /// <summary>The view of <paramref name="settings"/>.</summary>
    public static SkuSettingsView From(SkuSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Sku.Value, settings.PreSaleEnabled, settings.SaleFrom, settings.SaleTo, settings.Cap, settings.MaxPerOrder, settings.HandlingDays, settings.CapLeadDays, settings.Category);
    }
}
