using System.Globalization;

namespace Presale.Domain.Suppliers;

/// <summary>
/// Extra days added to a new promise hanging on a supplier's lot, with the facts a quote can show
/// (<see cref="Explanation"/>, e.g. "+3 days: p80 slip of supplier S over its last 12 lots").
/// </summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Days">Days to add (0 or more, at most the policy's maximum).</param>
/// <param name="Basis">Why.</param>
/// <param name="Percentile">The percentile used, in (0, 1].</param>
/// <param name="LotsConsidered">Received lots the figure was learned from.</param>
/// <param name="UncappedDays">The percentile before the cap (equals <paramref name="Days"/> unless capped; 0 with insufficient history).</param>
public sealed record PromiseBuffer(string SupplierId, int Days, PromiseBufferBasis Basis, double Percentile, int LotsConsidered, int UncappedDays)
{
    /// <summary>A one-line, customer- and operator-readable reason for the buffer.</summary>
    public string Explanation
    {
        get
        {
            var p = Math.Round(Percentile * 100, 1).ToString(CultureInfo.InvariantCulture);
            var days = Days == 1 ? "day" : "days";
            var lots = LotsConsidered == 1 ? "lot" : "lots";
            return Basis switch
            {
                PromiseBufferBasis.InsufficientHistory =>
                    $"+0 days: supplier {SupplierId} has {LotsConsidered} received {lots}, too few to learn its slips from",
                PromiseBufferBasis.Capped =>
                    $"+{Days} {days} (capped from {UncappedDays}): p{p} slip of supplier {SupplierId} over its last {LotsConsidered} {lots}",
                _ => $"+{Days} {days}: p{p} slip of supplier {SupplierId} over its last {LotsConsidered} {lots}",
            };
        }
    }

    /// <summary>Shifts <paramref name="estimate"/> by the buffer.</summary>
    public DateOnly Apply(DateOnly estimate) => estimate.AddDays(Days);
}
