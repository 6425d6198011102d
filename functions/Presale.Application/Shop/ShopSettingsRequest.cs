namespace Presale.Application.Shop;

/// <summary>The body of <c>PUT /api/shop</c>.</summary>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Europe/Berlin</c>: promise dates are dates in this zone (default: the <c>Presale:Orders:TimeZone</c> setting).</param>
/// <param name="Currency">ISO 4217 code every order must use, e.g. <c>EUR</c>.</param>
/// <param name="DefaultHandlingDays">Days from supply in the warehouse to dispatch, unless a SKU says otherwise (0–365).</param>
/// <param name="Locale">BCP 47 locale notifications are written in, e.g. <c>de-DE</c>.</param>
public sealed record ShopSettingsRequest(string? TimeZone, string? Currency, int? DefaultHandlingDays, string? Locale);
