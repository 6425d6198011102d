namespace Presale.Application.Shop;

/// <summary>The shop's settings as the API shows them.</summary>
/// <param name="TimeZone">IANA time zone id.</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="DefaultHandlingDays">Default handling days.</param>
/// <param name="Locale">BCP 47 locale.</param>
public sealed record ShopSettingsView(string TimeZone, string Currency, int DefaultHandlingDays, string Locale);
