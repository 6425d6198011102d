namespace Presale.Domain.Kpis;

/// <summary>
/// Inventory turnover: how many times the stock was sold through in a period, cost of goods sold ÷ average inventory
/// value. General retail turns 3–5 times a year; a low figure is money sitting on shelves, a very high one is a shop
/// selling what it does not hold (which pre-sale makes honest rather than hides).
/// </summary>
public static class InventoryTurnover
{
    /// <summary>
    /// COGS ÷ the mean of the inventory values recorded over the period (at cost). Null when no value was recorded or
    /// their mean is zero: turnover is undefined without stock to turn.
    /// </summary>
    public static decimal? Compute(decimal costOfGoodsSold, IReadOnlyCollection<decimal> inventoryValues)
    {
        ArgumentNullException.ThrowIfNull(inventoryValues);
        ArgumentOutOfRangeException.ThrowIfNegative(costOfGoodsSold);
        if (inventoryValues.Count == 0)
        {
            return null;
        }

        var average = inventoryValues.Sum() / inventoryValues.Count;
        return average <= 0m ? null : costOfGoodsSold / average;
    }
}
