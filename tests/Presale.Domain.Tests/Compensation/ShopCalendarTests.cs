using Presale.Domain.Compensation;

namespace Presale.Domain.Tests.Compensation;

public sealed class ShopCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // Winter: Berlin midnight is 23:00 UTC the day before.
    [InlineData("Europe/Berlin", "2026-03-20", "2026-03-19T23:00:00Z")]
    // Spring forward on 2026-03-29 (02:00 → 03:00): the next midnight is 22:00 UTC.
    [InlineData("Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T04:00:00Z")]
    // Fall back on 2026-11-01 (02:00 → 01:00): the next midnight is 05:00 UTC.
    [InlineData("America/New_York", "2026-11-02", "2026-11-02T05:00:00Z")]
    public void StartOfDay_IsLocalMidnight_AcrossDaylightSavingChanges(string zoneId, string date, string expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var start = ShopCalendar.StartOfDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
    }

    [Fact]
    public void StartOfDay_WhenMidnightIsSkipped_StartsAtFirstExistingLocalTime()
    {
        // Asia/Beirut springs forward at midnight: 2026-03-29 00:00 does not exist, the day starts at 01:00 (+03:00).
        var beirut = TimeZoneInfo.FindSystemTimeZoneById("Asia/Beirut");

        var start = ShopCalendar.StartOfDay(new DateOnly(2026, 3, 29), beirut);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2026, 3, 29), ShopCalendar.DateAt(start, beirut));
        Assert.Equal(new DateOnly(2026, 3, 28), ShopCalendar.DateAt(start.AddTicks(-1), beirut));
    }

    [Fact]
    public void DaysLate_CountsLocalDates_NotUtcDates()
    {
        var promised = new DateOnly(2026, 3, 28);

        // 23:30 UTC on the 28th is already the 29th in Berlin.
        Assert.Equal(1, ShopCalendar.DaysLate(promised, new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), Berlin));
        // ... but still the 28th in New York.
        Assert.Equal(0, ShopCalendar.DaysLate(promised, new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), NewYork));
        Assert.Equal(0, ShopCalendar.DaysLate(promised, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), Berlin));
    }
}
