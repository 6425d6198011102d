namespace Presale.Domain.Suppliers;

/// <summary>Nearest-rank percentiles: the smallest value with at least p of the values at or below it (an actual observation, never interpolated).</summary>
public static class Percentile
{
    /// <summary>The nearest-rank <paramref name="p"/>-percentile (0 &lt; p ≤ 1) of <paramref name="values"/>; throws when empty.</summary>
    public static int NearestRank(IEnumerable<int> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is in (0, 1].");
        }

        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        // A small epsilon keeps 0.8 × 10 at rank 8 despite binary floating point.
        var rank = (int)Math.Ceiling((p * sorted.Length) - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
