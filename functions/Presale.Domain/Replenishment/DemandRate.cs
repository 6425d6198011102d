namespace Presale.Domain.Replenishment;

/// <summary>A SKU's demand per day over a look-back: the mean units per day and their (population) standard deviation.</summary>
/// <param name="UnitsPerDay">Mean units per day.</param>
/// <param name="Deviation">Standard deviation of the daily units.</param>
/// <param name="Days">Days observed.</param>
public sealed record DemandRate(double UnitsPerDay, double Deviation, int Days)
{
    /// <summary>The rate of <paramref name="dailyUnits"/>, one entry per day (days without demand are 0).</summary>
    public static DemandRate From(IReadOnlyList<int> dailyUnits)
    {
        ArgumentNullException.ThrowIfNull(dailyUnits);
        if (dailyUnits.Count == 0)
        {
            return new DemandRate(0, 0, 0);
        }

        var mean = dailyUnits.Average(u => (double)u);
        var variance = dailyUnits.Sum(u => (u - mean) * (u - mean)) / dailyUnits.Count;
        return new DemandRate(mean, Math.Sqrt(variance), dailyUnits.Count);
    }
}
