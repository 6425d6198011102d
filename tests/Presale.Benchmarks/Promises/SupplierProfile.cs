namespace Presale.Benchmarks.Promises;

/// <summary>
/// A simulated supplier: a weighted mix of slip ranges (days between its first promised ETA and the receipt;
/// negative = early). Each band is (weight, min, max), drawn uniformly.
/// </summary>
public sealed record SupplierProfile(string Name, IReadOnlyList<(int Weight, int MinSlip, int MaxSlip)> Bands)
{
    /// <summary>Mostly on time or early, occasionally a day or two late.</summary>
    public static SupplierProfile Reliable { get; } = new("reliable", [(85, -2, 0), (12, 1, 2), (3, 3, 6)]);

    /// <summary>On time about half the time, otherwise up to two weeks late.</summary>
    public static SupplierProfile SometimesLate { get; } = new("sometimes-late", [(55, -1, 0), (30, 1, 5), (15, 6, 12)]);

    /// <summary>Rarely on time, usually one to three weeks late.</summary>
    public static SupplierProfile ChronicallyLate { get; } = new("chronically-late", [(15, -1, 0), (45, 3, 8), (40, 8, 20)]);

    /// <summary>Draws one slip.</summary>
    public int NextSlip(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pick = random.Next(Bands.Sum(b => b.Weight));
        foreach (var (weight, min, max) in Bands)
        {
            if (pick < weight)
            {
                return random.Next(min, max + 1);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("Unreachable: the pick is below the total weight.");
    }
}
