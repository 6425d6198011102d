using System.Globalization;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// One settlement period in the shop's calendar: a month (<c>2026-03</c>) or an ISO week (<c>2026-W10</c>), from
/// <see cref="Start"/> to <see cref="End"/> inclusive. A statement covers one period and is issued the day after it
/// (<see cref="IssuedOn"/>).
/// </summary>
public readonly record struct SettlementPeriod
{
    private SettlementPeriod(SettlementPeriodKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    /// <summary>Month or week.</summary>
    public SettlementPeriodKind Kind { get; }

    /// <summary>The first day.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day.</summary>
    public DateOnly End => Kind == SettlementPeriodKind.Monthly ? Start.AddMonths(1).AddDays(-1) : Start.AddDays(6);

    /// <summary>The day the statement of the period is dated: the day after its end.</summary>
    public DateOnly IssuedOn => End.AddDays(1);

    /// <summary>The period's id: <c>yyyy-MM</c> or <c>YYYY-Www</c> (ISO week-numbering year).</summary>
    public string Id => Kind == SettlementPeriodKind.Monthly
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>The period after this one.</summary>
    public SettlementPeriod Next => new(Kind, End.AddDays(1));

    /// <summary>The period before this one.</summary>
    public SettlementPeriod Previous => Containing(Kind, Start.AddDays(-1));

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    public static SettlementPeriod Containing(SettlementPeriodKind kind, DateOnly date) => kind switch
    {
        SettlementPeriodKind.Monthly => new(kind, new DateOnly(date.Year, date.Month, 1)),
        SettlementPeriodKind.Weekly => new(kind, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>Parses a period id of <paramref name="kind"/>, or returns false with the reason.</summary>
    public static bool TryParse(SettlementPeriodKind kind, string? id, out SettlementPeriod period, out string? error)
    {
        period = default;
        error = null;
        if (kind == SettlementPeriodKind.Monthly
            && id is { Length: 7 }
            && DateOnly.TryParseExact(id + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && first.Year >= 2000)
        {
            period = new SettlementPeriod(kind, first);
            return true;
        }

        if (kind == SettlementPeriodKind.Weekly
            && id is { Length: 8 } && id[4] == '-' && id[5] == 'W'
            && int.TryParse(id.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9998
            && int.TryParse(id.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            period = new SettlementPeriod(kind, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
            return true;
        }

        error = kind == SettlementPeriodKind.Monthly
            ? "A settlement period is a month, written yyyy-MM (e.g. 2026-03)."
            : "A settlement period is an ISO week, written YYYY-Www (e.g. 2026-W10).";
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
