using System.Globalization;

namespace Presale.Functions.Standalone;

/// <summary>
/// A six-field NCRONTAB expression as Azure Functions timer triggers use it:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>.
/// </summary>
/// <remarks>
/// <para>Each field takes <c>*</c>, a value, a range <c>a-b</c>, a step <c>*/n</c>, <c>a-b/n</c> or <c>a/n</c> (from a to
/// the field's maximum), and comma-separated lists of these. Months take <c>JAN</c>–<c>DEC</c>, days of week
/// <c>SUN</c>–<c>SAT</c> (case-insensitive) or 0–7 where both 0 and 7 are Sunday.</para>
/// <para>As in NCrontab (which the Functions host uses), a time matches only when it matches the day field <b>and</b> the
/// day-of-week field: <c>0 0 0 13 * FRI</c> fires on Friday the 13th only (classic cron would fire on every 13th and
/// every Friday).</para>
/// <para>Time zones: in Azure the host reads schedules in <c>WEBSITE_TIME_ZONE</c> (UTC by default); the standalone
/// runner reads them in <c>Presale:Host:ScheduleTimeZone</c>, else <c>WEBSITE_TIME_ZONE</c>, else UTC. Across a
/// daylight-saving change, local times that do not exist are skipped and local times that happen twice fire once
/// (at their first instance).</para>
/// </remarks>
public sealed class CronSchedule
{
    /// <summary>How far ahead <see cref="GetNextOccurrence(DateTimeOffset)"/> searches before concluding "never".</summary>
    private const int SearchYears = 30;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly int[] MaxDaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private CronSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/>.</summary>
    /// <exception cref="FormatException">With a message naming the field and what is wrong with it.</exception>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    /// <summary>Parses <paramref name="expression"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? expression, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CronSchedule? schedule, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "The NCRONTAB expression is empty; expected six fields: {second} {minute} {hour} {day} {month} {day-of-week}.";
            return false;
        }

        var parts = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            var hint = parts.Length == 5 ? " (five-field cron lacks the leading {second} field: prefix it with '0 ')" : string.Empty;
            hint = parts.Length == 1 && parts[0].Contains(':', StringComparison.Ordinal) ? " (TimeSpan schedules are not supported; write an NCRONTAB expression)" : hint;
            error = $"'{expression}' has {parts.Length} field(s); an NCRONTAB expression has six: {{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}{hint}.";
            return false;
        }

        var specs = new (string Name, int Min, int Max, string[]? Names)[]
        {
            ("second", 0, 59, null), ("minute", 0, 59, null), ("hour", 0, 23, null),
            ("day", 1, 31, null), ("month", 1, 12, MonthNames), ("day-of-week", 0, 7, DayNames),
        };
        var fields = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            var (name, min, max, names) = specs[i];
            if (!TryParseField(parts[i], min, max, names, out var set, out var fieldError))
            {
                error = $"'{expression}': {name} field '{parts[i]}': {fieldError}";
                return false;
            }

            fields[i] = set;
        }

        // 7 is another name for Sunday.
        if (fields[5][7])
        {
            fields[5][0] = true;
        }

        var canOccur = Enumerable.Range(1, 12).Any(m => fields[4][m] && Enumerable.Range(1, MaxDaysInMonth[m - 1]).Any(d => fields[3][d]));
        if (!canOccur)
        {
            error = $"'{expression}' never occurs: no month it names has any of the days it names.";
            return false;
        }

        schedule = new CronSchedule(expression, fields);
        error = null;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, read in UTC; null if none within 30 years.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) => GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/> with the schedule read as wall-clock time in
    /// <paramref name="zone"/>; returned in UTC. Null if none within 30 years.
    /// </summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        while (NextLocal(local) is { } candidate)
        {
            local = candidate;
            if (zone.IsInvalidTime(candidate))
            {
                // Skipped by a daylight-saving jump: that wall-clock time never happens.
                continue;
            }

            // An ambiguous wall-clock time (clocks turned back) fires once, at its first instance (the larger offset).
            var offset = zone.IsAmbiguousTime(candidate) ? zone.GetAmbiguousTimeOffsets(candidate).Max() : zone.GetUtcOffset(candidate);
            var occurrence = new DateTimeOffset(candidate, offset);
            if (occurrence > after)
            {
                return occurrence.ToUniversalTime();
            }
        }

        return null;
    }

    /// <summary>The next matching wall-clock time strictly after <paramref name="after"/>, ignoring time zones.</summary>
    private DateTime? NextLocal(DateTime after)
    {
        var t = new DateTime(after.Year, after.Month, after.Day, after.Hour, after.Minute, after.Second, DateTimeKind.Unspecified).AddSeconds(1);
        var limit = after.Year + SearchYears;
        while (t.Year <= limit)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }

            if (!_days[t.Day] || !_daysOfWeek[(int)t.DayOfWeek])
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (Next(_hours, t.Hour) is not { } hour)
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (hour != t.Hour)
            {
                t = t.Date.AddHours(hour);
            }

            if (Next(_minutes, t.Minute) is not { } minute)
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }

            if (minute != t.Minute)
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(minute);
            }

            if (Next(_seconds, t.Second) is not { } second)
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
                continue;
            }

            return t.Date.AddHours(t.Hour).AddMinutes(t.Minute).AddSeconds(second);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    private static int? Next(bool[] set, int from)
    {
        for (var i = from; i < set.Length; i++)
        {
            if (set[i])
            {
                return i;
            }
        }

        return null;
    }

    private static bool TryParseField(string text, int min, int max, string[]? names, out bool[] set, out string? error)
    {
        set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                error = "an empty list item.";
                return false;
            }

            var slash = item.Split('/');
            if (slash.Length > 2)
            {
                error = $"'{item}' has more than one '/'.";
                return false;
            }

            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max))
            {
                error = $"step '{slash[1]}' must be a whole number from 1 to {max}.";
                return false;
            }

            // Open-ended forms (* and a/n) stop at Saturday for days of week, as in NCrontab: 7 only when written.
            var openMax = names == DayNames ? 6 : max;
            int start, end;
            var range = slash[0];
            if (range == "*")
            {
                (start, end) = (min, openMax);
            }
            else
            {
                var dash = range.Split('-');
                if (dash.Length > 2)
                {
                    error = $"'{range}' is not a value or a range a-b.";
                    return false;
                }

                if (!TryValue(dash[0], min, max, names, out start, out error))
                {
                    return false;
                }

                if (dash.Length == 2)
                {
                    if (!TryValue(dash[1], min, max, names, out end, out error))
                    {
                        return false;
                    }

                    if (end < start)
                    {
                        error = $"range '{range}' runs backwards; write it as two ranges.";
                        return false;
                    }
                }
                else
                {
                    end = slash.Length == 2 ? openMax : start;
                }
            }

            for (var v = start; v <= end; v += step)
            {
                set[v] = true;
            }
        }

        error = null;
        return true;
    }

    private static bool TryValue(string text, int min, int max, string[]? names, out int value, out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value < min || value > max)
            {
                error = $"{value} is outside {min}-{max}.";
                return false;
            }

            return true;
        }

        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = names == MonthNames ? index + 1 : index;
                return true;
            }

            error = $"'{text}' is neither a number {min}-{max} nor one of {string.Join(", ", names)}.";
            return false;
        }

        error = $"'{text}' is not a number {min}-{max}.";
        return false;
    }
}
