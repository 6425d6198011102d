namespace Presale.Domain.Suppliers;

/// <summary>How supplier lots are judged.</summary>
/// <param name="ToleranceDays">
/// Days after the first promised ETA a receipt still counts as on time (default 1). With
/// <paramref name="EarlyCountsAsMiss"/>, also the days before it.
/// </param>
/// <param name="EarlyCountsAsMiss">When true, a receipt more than the tolerance before the first ETA is a miss (Walmart's rule); default false.</param>
/// <param name="MinimumLotsForGrade">Measured lots needed before a grade is given (default 3).</param>
public sealed record ScorecardPolicy(int ToleranceDays = 1, bool EarlyCountsAsMiss = false, int MinimumLotsForGrade = 3)
{
    /// <summary>The defaults: 1 day tolerance, early is fine, graded from 3 measured lots.</summary>
    public static ScorecardPolicy Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public ScorecardPolicy Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ToleranceDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumLotsForGrade, 1);
        return this;
    }
}
