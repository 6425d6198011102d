using Presale.Application.Shop;
using Presale.Domain.Notifications;

namespace Presale.Functions.Features.Compensation;

/// <summary>What the consent pages need of the shop: its locale (resolved as notifications resolve it), time zone and formats.</summary>
/// <param name="Locale">A locale the pages and <paramref name="Templates"/> hold (<c>en</c> or <c>zh-CN</c>).</param>
/// <param name="Zone">The shop's time zone, for deadlines.</param>
/// <param name="Templates">The notification templates, for date, time and money formats.</param>
public sealed record ConsentPageShop(string Locale, TimeZoneInfo Zone, NotificationTemplates Templates)
{
    /// <summary>The shop's settings; English and UTC while the shop is not configured.</summary>
    public static async Task<ConsentPageShop> LoadAsync(ShopSettingsStore shops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shops);
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        var templates = NotificationTemplates.Default;
        return new ConsentPageShop(
            templates.Resolve(shop?.Locale),
            shop is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId),
            templates);
    }
}
