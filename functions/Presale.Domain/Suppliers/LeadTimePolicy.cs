namespace Presale.Domain.Suppliers;

/// <summary>How a supplier's real lead time is learned from its lots.</summary>
/// <param name="Percentile">The lead-time percentile planned for, in (0, 1] (default 0.8: four lots in five arrived within it).</param>
/// <param name="LookbackLots">How many most recently received lots to learn from (default 12).</param>
/// <param name="MinimumLots">Received lots needed before history is used (default 3).</param>
/// <param name="DefaultDays">The lead time of a supplier with too little history and no registered default (default 14).</param>
public sealed record LeadTimePolicy(double Percentile = 0.8, int LookbackLots = 12, int MinimumLots = 3, int DefaultDays = 14)
{
    /// <summary>The defaults.</summary>
    public static LeadTimePolicy Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public LeadTimePolicy Validate()
    {
        if (!(Percentile > 0 && Percentile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Percentile), Percentile, "The percentile is in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackLots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumLots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumLots, LookbackLots);
        ArgumentOutOfRangeException.ThrowIfNegative(DefaultDays);
        return this;
    }
}
