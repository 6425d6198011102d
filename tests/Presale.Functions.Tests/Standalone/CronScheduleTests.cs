using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Tests.Standalone;

public sealed class CronScheduleTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Next(string expression, string after) =>
        CronSchedule.Parse(expression).GetNextOccurrence(At(after))!.Value.ToString("yyyy-MM-dd HH:mm:ss ddd", CultureInfo.InvariantCulture);

    private static string[] Occurrences(string expression, string after, int count)
    {
        var schedule = CronSchedule.Parse(expression);
        var result = new List<string>();
        var t = At(after);
        for (var i = 0; i < count; i++)
        {
            t = schedule.GetNextOccurrence(t)!.Value;
            result.Add(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        return [.. result];
    }

    [Theory]
    [InlineData("0 */5 * * * *", "2026-03-02T09:00:00", "2026-03-02 09:05:00 Mon")]
    [InlineData("0 */5 * * * *", "2026-03-02T09:04:59", "2026-03-02 09:05:00 Mon")]
    [InlineData("* * * * * *", "2026-03-02T09:00:00.500", "2026-03-02 09:00:01 Mon")]
    [InlineData("30 * * * * *", "2026-03-02T09:00:30", "2026-03-02 09:01:30 Mon")]
    [InlineData("0 0 * * * *", "2026-03-02T23:00:00", "2026-03-03 00:00:00 Tue")]
    [InlineData("0 30 9 * * *", "2026-03-02T09:30:00", "2026-03-03 09:30:00 Tue")]
    [InlineData("0 0 0 1 1 *", "2026-03-02T00:00:00", "2027-01-01 00:00:00 Fri")]
    [InlineData("0 0 0 31 * *", "2026-04-01T00:00:00", "2026-05-31 00:00:00 Sun")]
    [InlineData("0 0 0 29 2 *", "2026-03-01T00:00:00", "2028-02-29 00:00:00 Tue")]
    [InlineData("0 0 12 * * MON-FRI", "2026-03-06T12:00:00", "2026-03-09 12:00:00 Mon")]
    [InlineData("0 0 12 * * 1-5", "2026-03-06T12:00:00", "2026-03-09 12:00:00 Mon")]
    [InlineData("0 0 12 * * sat,sun", "2026-03-02T00:00:00", "2026-03-07 12:00:00 Sat")]
    [InlineData("0 0 0 * * 7", "2026-03-02T00:00:00", "2026-03-08 00:00:00 Sun")]
    [InlineData("0 0 0 * * 0", "2026-03-02T00:00:00", "2026-03-08 00:00:00 Sun")]
    [InlineData("0 0 0 * * 5-7", "2026-03-02T00:00:00", "2026-03-06 00:00:00 Fri")]
    [InlineData("0 0 0 1 JAN,jul *", "2026-03-02T00:00:00", "2026-07-01 00:00:00 Wed")]
    [InlineData("0 0 0 1 mar-may *", "2026-03-02T00:00:00", "2026-04-01 00:00:00 Wed")]
    [InlineData("0 0 0 1 JUL-DEC *", "2026-03-02T00:00:00", "2026-07-01 00:00:00 Wed")]
    [InlineData("0 0 0 * * WED", "2026-03-02T00:00:00", "2026-03-04 00:00:00 Wed")]
    [InlineData("0 0 0 13 * FRI", "2026-03-02T00:00:00", "2026-03-13 00:00:00 Fri")]
    [InlineData("0 0 0 13 * FRI", "2026-03-13T00:00:00", "2026-11-13 00:00:00 Fri")]
    public void GetNextOccurrence_ReturnsFirstMatchStrictlyAfter(string expression, string after, string expected) =>
        Assert.Equal(expected, Next(expression, after));

    [Fact]
    public void Steps_ListsAndRanges_CombineInOneField()
    {
        Assert.Equal(
            ["2026-03-02 09:00:00", "2026-03-02 09:00:10", "2026-03-02 09:00:20", "2026-03-02 09:00:45", "2026-03-02 09:00:50", "2026-03-02 09:01:00"],
            Occurrences("0-20/10,45-50/5 * * * * *", "2026-03-02T08:59:59", 6));
    }

    [Fact]
    public void StartWithStep_RunsFromStartToFieldMaximum()
    {
        Assert.Equal(["2026-03-02 09:50:00", "2026-03-02 10:05:00", "2026-03-02 10:20:00"], Occurrences("0 5/15 * * * *", "2026-03-02T09:40:00", 3));
    }

    [Fact]
    public void DayOfWeekStep_StopsAtSaturday_LikeNcrontab()
    {
        // 1/2 is Mon, Wed, Fri: the open range does not reach 7 (Sunday).
        Assert.Equal(
            ["2026-03-02 00:00:00", "2026-03-04 00:00:00", "2026-03-06 00:00:00", "2026-03-09 00:00:00"],
            Occurrences("0 0 0 * * 1/2", "2026-03-01T12:00:00", 4));
    }

    [Fact]
    public void HourRangeWithStep_FiresOnlyInsideTheRange()
    {
        Assert.Equal(
            ["2026-03-02 09:00:00", "2026-03-02 13:00:00", "2026-03-02 17:00:00", "2026-03-03 09:00:00"],
            Occurrences("0 0 9-17/4 * * *", "2026-03-02T08:00:00", 4));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0 */5 * * *", "five-field cron lacks the leading {second} field")]
    [InlineData("00:05:00", "TimeSpan schedules are not supported")]
    [InlineData("0 0 0 * * * *", "has 7 field(s)")]
    [InlineData("60 * * * * *", "second field '60': Value must be a number between 0 and 59")]
    [InlineData("0 60 * * * *", "minute field '60'")]
    [InlineData("0 0 24 * * *", "hour field '24'")]
    [InlineData("0 0 0 0 * *", "day field '0': Value must be a number between 1 and 31")]
    [InlineData("0 0 0 1 13 *", "month field '13'")]
    [InlineData("0 0 0 * * 8", "day-of-week field '8'")]
    [InlineData("0 0 0 * * FRIDAY", "day-of-week field 'FRIDAY': Unexpected character")]
    [InlineData("0 0 0 1 FOO *", "month field 'FOO': Value must be a number between 1 and 12")]
    [InlineData("0 0 0 * * FRI-MON", "range 'FRI-MON' runs backwards")]
    [InlineData("*/0 * * * * *", "second field '*/0': Value must be a number between 1 and 59")]
    [InlineData("*/x * * * * *", "second field '*/x'")]
    [InlineData("1-2-3 * * * * *", "second field '1-2-3': Unexpected character '-'")]
    [InlineData("1/2/3 * * * * *", "second field '1/2/3': Unexpected character '/'")]
    [InlineData("1,,2 * * * * *", "second field '1,,2'")]
    [InlineData("-1 * * * * *", "second field '-1'")]
    [InlineData("0 0 0 30 2 *", "never occurs")]
    [InlineData("0 0 0 31 4,6,9,11 *", "never occurs")]
    [InlineData("5-1 * * * * *", "second field '5-1': range '5-1' runs backwards")]
    [InlineData("0 0 0 L * *", "day field 'L': 'L' is not NCRONTAB")]
    [InlineData("0 0 0 15W * *", "day field '15W': 'W' is not NCRONTAB")]
    [InlineData("0 0 0 * * 5L", "day-of-week field '5L': 'L' is not NCRONTAB")]
    [InlineData("0 0 0 * * 5#2", "day-of-week field '5#2': '#' is not NCRONTAB")]
    [InlineData("0 0 0 ? * *", "day field '?': '?' is not NCRONTAB")]
    [InlineData("@daily", "macros such as @daily are not NCRONTAB")]
    public void Parse_RejectsInvalidExpression_WithMessageNamingTheProblem(string expression, string expectedFragment)
    {
        var exception = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNextOccurrence_InZone_ReadsScheduleAsWallClockTime()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var next = CronSchedule.Parse("0 0 9 * * *").GetNextOccurrence(At("2026-01-10T12:00:00"), berlin);
        Assert.Equal(At("2026-01-11T08:00:00"), next);
    }

    [Fact]
    public void GetNextOccurrence_InZone_SkipsWallClockTimeThatDaylightSavingSkips()
    {
        // Berlin jumps from 02:00 to 03:00 on 2026-03-29: 02:30 does not exist that day.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var next = CronSchedule.Parse("0 30 2 * * *").GetNextOccurrence(At("2026-03-28T12:00:00"), berlin);
        Assert.Equal(At("2026-03-30T00:30:00"), next);
    }

    [Fact]
    public void GetNextOccurrence_InZone_FiresRepeatedWallClockTimeOnce()
    {
        // Berlin turns back from 03:00 to 02:00 on 2026-10-25: 02:30 happens twice; it fires at the first (00:30Z).
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = CronSchedule.Parse("0 30 2 * * *");
        var first = schedule.GetNextOccurrence(At("2026-10-24T12:00:00"), berlin);
        var second = schedule.GetNextOccurrence(first!.Value, berlin);
        Assert.Equal(At("2026-10-25T00:30:00"), first);
        Assert.Equal(At("2026-10-26T01:30:00"), second);
    }

    [Fact]
    public void GetNextOccurrence_MatchesBruteForceSearch_ForRandomSchedules()
    {
        var fields = Gen.Elements("*", "*/7", "0", "5-20/5", "1,3,30", "10-12");
        var hours = Gen.Elements("*", "*/6", "0", "9-17", "3,23");
        var days = Gen.Elements("*", "1", "15-20", "*/10", "28-31");
        var months = Gen.Elements("*", "FEB", "1-6", "*/4");
        var weekdays = Gen.Elements("*", "MON-FRI", "0", "7", "SAT", "2/2");
        var expressions =
            from s in fields
            from m in fields
            from h in hours
            from d in days
            from mo in months
            from w in weekdays
            select $"{s} {m} {h} {d} {mo} {w}";
        var starts = Gen.Choose(0, 365 * 24 * 60).Select(minutes => At("2026-01-01T00:00:00").AddMinutes(minutes).AddSeconds(minutes % 60));

        Prop.ForAll(expressions.ToArbitrary(), starts.ToArbitrary(), (expression, start) =>
        {
            var schedule = CronSchedule.Parse(expression);
            var next = schedule.GetNextOccurrence(start);
            return next == NaiveNext(expression, start);
        }).QuickCheckThrowOnFailure();
    }

    // An independent, naive reading: walk days, then hours, minutes and seconds of matching days.
    private static DateTimeOffset? NaiveNext(string expression, DateTimeOffset start)
    {
        var f = expression.Split(' ');
        for (var day = start.UtcDateTime.Date; day.Year < start.Year + 30; day = day.AddDays(1))
        {
            if (!DayMatches(expression, day))
            {
                continue;
            }

            for (var h = 0; h < 24; h++)
            {
                for (var m = 0; FieldMatches(f[2], h, 0, 23, null) && m < 60; m++)
                {
                    for (var s = 0; FieldMatches(f[1], m, 0, 59, null) && s < 60; s++)
                    {
                        var t = new DateTimeOffset(day.AddHours(h).AddMinutes(m).AddSeconds(s), TimeSpan.Zero);
                        if (t > start && FieldMatches(f[0], s, 0, 59, null))
                        {
                            return t;
                        }
                    }
                }
            }
        }

        return null;
    }

    private static bool DayMatches(string expression, DateTime day)
    {
        var f = expression.Split(' ');
        return FieldMatches(f[3], day.Day, 1, 31, null) && FieldMatches(f[4], day.Month, 1, 12, Months)
            && (FieldMatches(f[5], (int)day.DayOfWeek, 0, 6, Days) || (day.DayOfWeek == DayOfWeek.Sunday && FieldMatches(f[5], 7, 0, 6, Days)));
    }

    private static readonly string[] Months = ["", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static bool FieldMatches(string field, int value, int min, int openMax, string[]? names)
    {
        int Value(string text) => names is not null && Array.IndexOf(names, text.ToUpperInvariant()) is var i and >= 0 ? i : int.Parse(text, CultureInfo.InvariantCulture);
        foreach (var item in field.Split(','))
        {
            var parts = item.Split('/');
            var step = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
            int lo, hi;
            if (parts[0] == "*")
            {
                (lo, hi) = (min, openMax);
            }
            else if (parts[0].Contains('-', StringComparison.Ordinal))
            {
                var r = parts[0].Split('-');
                (lo, hi) = (Value(r[0]), Value(r[1]));
            }
            else
            {
                lo = Value(parts[0]);
                hi = parts.Length == 2 ? openMax : lo;
            }

            if (value >= lo && value <= hi && (value - lo) % step == 0)
            {
                return true;
            }
        }

        return false;
    }
}
