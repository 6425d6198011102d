using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cronos;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// A six-field NCRONTAB expression as Azure Functions timer triggers use it,
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, evaluated by Cronos
/// (<see cref="CronFormat.IncludeSeconds"/>) and held to what the Functions host's NCRONTAB accepts.
/// </summary>
/// <remarks>
/// <para>Each field takes <c>*</c>, a value, a range <c>a-b</c>, a step <c>*/n</c>, <c>a-b/n</c> or <c>a/n</c>, and
/// comma-separated lists of these. Months take <c>JAN</c>–<c>DEC</c>, days of week <c>SUN</c>–<c>SAT</c>
/// (case-insensitive) or 0–7 where both 0 and 7 are Sunday. Refused, as NCRONTAB refuses them although Cronos knows
/// them: <c>L</c>, <c>W</c>, <c>#</c>, <c>?</c>, macros such as <c>@daily</c>, and ranges that run backwards
/// (<c>FRI-MON</c>, which Cronos would wrap around). Five fields and TimeSpan schedules are refused with a hint. A
/// day-of-week step from a start (<c>1/2</c>) ends on Saturday, as in NCRONTAB (Cronos would go on to 7, Sunday).</para>
/// <para>A time matches only when it matches the day field <b>and</b> the day-of-week field, in NCRONTAB and Cronos
/// alike: <c>0 0 0 13 * FRI</c> fires on Friday the 13th only.</para>
/// <para>Time zones: in Azure the host reads schedules in <c>WEBSITE_TIME_ZONE</c> (UTC by default); the standalone
/// runner reads them in <c>Presale:Host:ScheduleTimeZone</c>, else <c>WEBSITE_TIME_ZONE</c>, else UTC. Daylight saving:
/// a wall-clock time the clocks skip does not happen, so it does not fire that day (Cronos would fire it at the end of
/// the gap; this wrapper skips that occurrence). A wall-clock time that happens twice fires once, at its first instance,
/// when the expression names it (<c>0 30 2 * * *</c>); an expression that fires every few minutes or hours fires in
/// both passes through the repeated hour, as Cronos counts elapsed time there.</para>
/// </remarks>
public sealed class CronSchedule
{
    private static readonly string[] FieldNames = ["second", "minute", "hour", "day", "month", "day-of-week"];
    private static readonly string[] CronosFieldNames = ["Seconds", "Minutes", "Hours", "Days of month", "Months", "Days of week"];
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>A start from which every schedule that can occur at all occurs (a leap year's February follows).</summary>
    private static readonly DateTime NeverOccursProbe = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly CronExpression _cron;

    private CronSchedule(string expression, CronExpression cron)
    {
        Expression = expression;
        _cron = cron;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/>.</summary>
    /// <exception cref="FormatException">With a message naming the field and what is wrong with it.</exception>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    /// <summary>Parses <paramref name="expression"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
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
            hint = parts.Length == 1 && parts[0].StartsWith('@') ? " (macros such as @daily are not NCRONTAB; write the six fields)" : hint;
            error = $"'{expression}' has {parts.Length} field(s); an NCRONTAB expression has six: {{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}{hint}.";
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (NotNcrontab(parts[i], i) is { } problem)
            {
                error = $"'{expression}': {FieldNames[i]} field '{parts[i]}': {problem}";
                return false;
            }
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(string.Join(' ', parts[..5].Append(OpenDayOfWeekSteps(parts[5]))), CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            error = Describe(expression, parts, e.Message);
            return false;
        }

        if (cron.GetNextOccurrence(NeverOccursProbe) is null)
        {
            error = $"'{expression}' never occurs: no month it names has any of the days it names.";
            return false;
        }

        schedule = new CronSchedule(expression, cron);
        error = null;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, read in UTC; null if none.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) => GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/> with the schedule read as wall-clock time in
    /// <paramref name="zone"/>; returned in UTC. Null if none. An occurrence Cronos moves to the end of a daylight-saving
    /// gap is skipped: that wall-clock time did not happen.
    /// </summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var from = after;
        while (_cron.GetNextOccurrence(from, zone) is { } next)
        {
            var wallClock = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(next, zone).DateTime, DateTimeKind.Utc);
            if (_cron.GetNextOccurrence(wallClock, inclusive: true) == wallClock)
            {
                return next.ToUniversalTime();
            }

            from = next;
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    /// <summary>
    /// NCRONTAB runs a day-of-week step from a start (<c>1/2</c>) up to Saturday; Cronos runs it up to 7, Sunday again.
    /// The step is given its NCRONTAB end (<c>1-6/2</c>: Monday, Wednesday, Friday).
    /// </summary>
    private static string OpenDayOfWeekSteps(string field) => string.Join(',', field.Split(',').Select(item =>
        item.Split('/') is [var start, var step] && start != "*" && !start.Contains('-', StringComparison.Ordinal) && Value(start, 5) is < 6
            ? $"{start}-6/{step}"
            : item));

    /// <summary>Why <paramref name="field"/> is Cronos syntax that NCRONTAB refuses, or null.</summary>
    private static string? NotNcrontab(string field, int index)
    {
        foreach (var mark in new[] { 'L', 'W', '#', '?', '@' })
        {
            // Month and day names hold neither L (JUL only has it after J-U), W (WED) nor the others as a lone marker,
            // so only letters outside a name count.
            if (field.Contains(mark, StringComparison.OrdinalIgnoreCase) && !(char.IsLetter(mark) && NamesOnly(field, index)))
            {
                return $"'{mark}' is not NCRONTAB (Azure Functions timers know *, values, ranges, steps and lists).";
            }
        }

        foreach (var item in field.Split(','))
        {
            var range = item.Split('/')[0].Split('-');
            if (range.Length == 2 && Value(range[0], index) is { } from && Value(range[1], index) is { } to && from > to)
            {
                return $"range '{item.Split('/')[0]}' runs backwards.";
            }
        }

        return null;
    }

    /// <summary>True when every letter of <paramref name="field"/> belongs to a month or day name.</summary>
    private static bool NamesOnly(string field, int index)
    {
        var names = index switch { 4 => MonthNames, 5 => DayNames, _ => null };
        if (names is null)
        {
            return false;
        }

        var words = field.Split([',', '-', '/'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter));
        return words.All(w => names.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    private static int? Value(string text, int index)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var names = index switch { 4 => MonthNames, 5 => DayNames, _ => [] };
        var position = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return position < 0 ? null : position + (index == 4 ? 1 : 0);
    }

    /// <summary>Cronos's message ("… Seconds: Value must be …") with the field named as NCRONTAB names it, and its text.</summary>
    private static string Describe(string expression, string[] parts, string message)
    {
        for (var i = 0; i < CronosFieldNames.Length; i++)
        {
            var at = message.IndexOf(CronosFieldNames[i] + ":", StringComparison.Ordinal);
            if (at >= 0)
            {
                return $"'{expression}': {FieldNames[i]} field '{parts[i]}': {message[(at + CronosFieldNames[i].Length + 1)..].Trim()}";
            }
        }

        return $"'{expression}': {message}";
    }
}
