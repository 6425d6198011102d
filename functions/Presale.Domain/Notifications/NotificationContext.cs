namespace Presale.Domain.Notifications;

/// <summary>The shop settings that shape a notification's text.</summary>
/// <param name="Locale">The shop's locale (e.g. <c>en</c>, <c>zh-CN</c>); unknown locales fall back to English.</param>
/// <param name="TimeZone">The shop's time zone, in which deadlines (instants) are shown.</param>
public sealed record NotificationContext(string Locale, TimeZoneInfo TimeZone);
