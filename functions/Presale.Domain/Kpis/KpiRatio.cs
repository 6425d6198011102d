namespace Presale.Domain.Kpis;

/// <summary>
/// The rate KPIs: a count of events out of the cases they could happen in, as a fraction in [0, 1]; null when there
/// was no case (no promise fell due, nothing was sold), never a 0 that looks like a measurement.
/// </summary>
public static class KpiRatio
{
    /// <summary>Promise accuracy: order lines delivered to the warehouse door by their promise date ÷ lines whose promise fell due.</summary>
    public static decimal? PromiseAccuracy(long kept, long due) => Of(kept, due);

    /// <summary>Return rate: units returned ÷ units sold (per SKU, per reason: the returned units of that reason).</summary>
    public static decimal? ReturnRate(long returned, long sold) => Of(returned, sold);

    /// <summary>On-time-in-full: lots received on time and in full against the supplier's first ETA ÷ lots measured.</summary>
    public static decimal? OnTimeInFull(long onTimeInFull, long measured) => Of(onTimeInFull, measured);

    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>; null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Of(decimal part, decimal whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return whole == 0m ? null : part / whole;
    }
}
