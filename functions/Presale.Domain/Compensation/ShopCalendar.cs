namespace Presale.Domain.Compensation;

/// <summary>
/// Converts between instants and the shop's local dates. A promise is a local date ("the 14th") in the shop's
/// time zone; a day ends at local midnight, which moves against UTC across a daylight-saving change.
/// </summary>
public static class ShopCalendar
{
    /// <summary>The shop's local date at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>
    /// The first instant of local date <paramref name="date"/> in <paramref name="zone"/>. When a daylight-saving change
    /// skips local midnight the day starts at the first local time that exists; when it repeats midnight, the earlier
    /// of the two instants.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// The instant a promise for local date <paramref name="promisedDate"/> has passed: the start of the next local day.
    /// </summary>
    public static DateTimeOffset PromisePassesAt(DateOnly promisedDate, TimeZoneInfo zone) =>
        StartOfDay(promisedDate.AddDays(1), zone);

    /// <summary>
    /// Whole local days between the promise and <paramref name="instant"/>: 0 on the promised date (or before it, never
    /// negative), 1 from the next local midnight, and so on.
    /// </summary>
    public static int DaysLate(DateOnly promisedDate, DateTimeOffset instant, TimeZoneInfo zone) =>
        Math.Max(0, DateAt(instant, zone).DayNumber - promisedDate.DayNumber);
}
