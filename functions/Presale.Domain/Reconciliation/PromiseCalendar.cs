namespace Presale.Domain.Reconciliation;

/// <summary>
/// Turns supply availability into the date a customer sees: the shop's local calendar date, plus the SKU's handling
/// days (calendar days from goods available to dispatch).
/// </summary>
public sealed class PromiseCalendar
{
    /// <summary>Creates a calendar for a shop in <paramref name="timeZone"/> with <paramref name="handlingDays"/> (0–365).</summary>
    public PromiseCalendar(TimeZoneInfo timeZone, int handlingDays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentOutOfRangeException.ThrowIfNegative(handlingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(handlingDays, 365);
        TimeZone = timeZone;
        HandlingDays = handlingDays;
    }

    /// <summary>The shop's time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Days between goods available and the order ready to leave.</summary>
    public int HandlingDays { get; }

    /// <summary>The shop-local calendar date of <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The estimate for goods available on <paramref name="availableOn"/>: that date plus the handling days.</summary>
    public DateOnly EstimateFor(DateOnly availableOn) => availableOn.AddDays(HandlingDays);
}
