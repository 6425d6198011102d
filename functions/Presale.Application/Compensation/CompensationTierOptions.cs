namespace Presale.Application.Compensation;

/// <summary>One tier of <see cref="CompensationOptions.Tiers"/> (<c>Presale:Compensation:Tiers:{i}:…</c>).</summary>
public sealed class CompensationTierOptions
{
    /// <summary>The first day late (1 = the local day after the promised date) the tier is due. No default: required.</summary>
    public int FromDayLate { get; set; }

    /// <summary>Percent of the late lines' value per started period (5 = 5 %). Default 5.</summary>
    public decimal PercentPerPeriod { get; set; } = 5m;

    /// <summary>The smallest award of this tier, in the shop's currency. Default 5.</summary>
    public decimal Minimum { get; set; } = 5m;
}
