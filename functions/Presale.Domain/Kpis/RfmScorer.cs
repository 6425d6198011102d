namespace Presale.Domain.Kpis;

/// <summary>
/// RFM segmentation: each customer scored 1–5 on recency (days since the last order, fewer is better), frequency
/// (orders) and monetary value (what they spent), by quintile among the shop's customers, then grouped into a
/// <see cref="RfmSegment"/>. Quintiles are by rank: a customer's score is 1 + ⌊5 × (customers strictly worse) ÷ n⌋,
/// so ties share a score and the result does not depend on input order.
/// </summary>
public static class RfmScorer
{
    /// <summary>Scores every customer as of <paramref name="asOf"/> (the shop's today).</summary>
    public static IReadOnlyList<RfmScore> Score(IReadOnlyList<RfmCustomer> customers, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var recency = Quintiles(customers, c => -(decimal)(asOf.DayNumber - c.LastOrderOn.DayNumber));
        var frequency = Quintiles(customers, c => c.Orders);
        var monetary = Quintiles(customers, c => c.Monetary);
        return [.. customers.Select((c, i) => new RfmScore(c.CustomerId, recency[i], frequency[i], monetary[i], SegmentOf(recency[i], frequency[i])))];
    }

    /// <summary>The segment of a recency and frequency score pair (each 1–5).</summary>
    public static RfmSegment SegmentOf(int recency, int frequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recency, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, 5);
        return recency >= 3
            ? (recency, frequency) switch
            {
                ( >= 4, >= 4) => RfmSegment.Champions,
                (_, >= 3) => RfmSegment.Loyal,
                ( >= 4, 1) => RfmSegment.New,
                _ => RfmSegment.Promising,
            }
            : frequency switch
            {
                >= 4 => RfmSegment.CannotLose,
                3 => RfmSegment.AtRisk,
                _ => RfmSegment.Hibernating,
            };
    }

    private static int[] Quintiles(IReadOnlyList<RfmCustomer> customers, Func<RfmCustomer, decimal> value)
    {
        var values = customers.Select(value).ToArray();
        var sorted = values.Order().ToArray();
        return [.. values.Select(v => 1 + (5 * LowerBound(sorted, v) / sorted.Length))];
    }

    // The number of values strictly below v in the sorted array.
    private static int LowerBound(decimal[] sorted, decimal v)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < v)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
