namespace Presale.Domain.Kpis;

/// <summary>Days of supply: how long the stock lasts at the period's sales rate, units in stock ÷ units sold per day.</summary>
public static class DaysOfSupply
{
    /// <summary>
    /// <paramref name="unitsInStock"/> ÷ (<paramref name="unitsSold"/> ÷ <paramref name="days"/>). Null when nothing
    /// sold in the period: the stock would last forever at that rate, which is no number to steer by.
    /// </summary>
    public static decimal? Compute(long unitsInStock, long unitsSold, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitsInStock);
        ArgumentOutOfRangeException.ThrowIfNegative(unitsSold);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return unitsSold == 0 ? null : unitsInStock / ((decimal)unitsSold / days);
    }
}
