namespace Presale.Domain.Shop;

/// <summary>
/// Shop-wide settings every promise depends on: the shop's time zone (an IANA id: promise dates are the shop's local
/// dates), its currency (every order is in it), the default handling days between supply arriving and the parcel
/// leaving, and the locale notifications are written in.
/// </summary>
public sealed record ShopSettings
{
    /// <summary>The most handling days a shop or SKU may configure.</summary>
    public const int MaxHandlingDays = 365;

    private readonly TimeZoneInfo _zone;

    /// <summary>Creates settings; throws when the time zone is unknown (validate first with <see cref="ValidateTimeZone"/>).</summary>
    public ShopSettings(string timeZoneId, string currency, int defaultHandlingDays, string locale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(defaultHandlingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultHandlingDays, MaxHandlingDays);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        TimeZoneId = timeZoneId;
        Currency = new Common.Money(0m, currency).Currency;
        DefaultHandlingDays = defaultHandlingDays;
        Locale = locale;
    }

    /// <summary>The IANA time zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZoneId { get; }

    /// <summary>The ISO 4217 currency every order must use.</summary>
    public string Currency { get; }

    /// <summary>Days from supply being in the warehouse to the parcel leaving, unless a SKU says otherwise.</summary>
    public int DefaultHandlingDays { get; }

    /// <summary>The BCP 47 locale notifications are written in, e.g. <c>de-DE</c>.</summary>
    public string Locale { get; }

    /// <summary>The shop's local calendar date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>Null when <paramref name="timeZoneId"/> names a time zone this machine knows (IANA ids); otherwise why not.</summary>
    public static string? ValidateTimeZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return "A time zone is required.";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _)
            ? null
            : $"'{timeZoneId}' is not a known IANA time zone id (e.g. Europe/Berlin).";
    }
}
