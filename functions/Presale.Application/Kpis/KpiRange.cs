using System.Globalization;
using Presale.Application.Common;

namespace Presale.Application.Kpis;

/// <summary>A period of shop-local days, both ends included, as a KPI request gives it (<c>from</c>, <c>to</c>: <c>yyyy-MM-dd</c>).</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
public sealed record KpiRange(DateOnly From, DateOnly To)
{
    /// <summary>Days in the period.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// Reads <paramref name="from"/> and <paramref name="to"/>: <c>to</c> defaults to <paramref name="today"/>, <c>from</c>
    /// to <see cref="KpiOptions.DefaultRangeDays"/> days ending with <c>to</c>. Errors name the field: a date not in
    /// <c>yyyy-MM-dd</c>, <c>from</c> after <c>to</c>, a period longer than <see cref="KpiOptions.MaxRangeDays"/>.
    /// </summary>
    public static (KpiRange? Range, IReadOnlyDictionary<string, string[]>? Errors) Parse(string? from, string? to, DateOnly today, KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? Read(string field, string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors[field] = [$"'{field}' must be a date as yyyy-MM-dd (for example {today:yyyy-MM-dd})."];
            return null;
        }

        var end = Read("to", to) ?? today;
        var start = Read("from", from) ?? end.AddDays(1 - options.DefaultRangeDays);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (start > end)
        {
            return (null, FieldErrors.Single("from", $"'from' ({start:yyyy-MM-dd}) must not be after 'to' ({end:yyyy-MM-dd})."));
        }

        if (end.DayNumber - start.DayNumber + 1 > options.MaxRangeDays)
        {
            return (null, FieldErrors.Single("to", string.Create(CultureInfo.InvariantCulture, $"The period from 'from' to 'to' may span at most {options.MaxRangeDays} days.")));
        }

        return (new KpiRange(start, end), null);
    }
}
