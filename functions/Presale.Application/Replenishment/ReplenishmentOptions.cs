namespace Presale.Application.Replenishment;

/// <summary>
/// Settings of replenishment suggestions and supplier lead times (section <c>Presale:Replenishment</c>; environment
/// form <c>Presale__Replenishment__Property</c>), checked at start by <see cref="ReplenishmentOptionsValidator"/>.
/// </summary>
public sealed class ReplenishmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Replenishment";

    /// <summary>The service level as a z-score (0–5): safety stock = z × demand deviation × √lead time. Default 1.65 (≈ 95 %).</summary>
    public double ServiceLevelZ { get; set; } = 1.65;

    /// <summary>Days of demand the rate and its deviation are learned from (1–365), the days before today. Default 28.</summary>
    public int DemandLookbackDays { get; set; } = 28;

    /// <summary>The lead-time percentile planned for, in (0, 1]. Default 0.8.</summary>
    public double LeadTimePercentile { get; set; } = 0.8;

    /// <summary>Most recently received lots a supplier's lead time is learned from (1–1000). Default 12.</summary>
    public int LeadTimeLookbackLots { get; set; } = 12;

    /// <summary>Received lots needed before a supplier's own history is used (1 – <see cref="LeadTimeLookbackLots"/>). Default 3.</summary>
    public int LeadTimeMinimumLots { get; set; } = 3;

    /// <summary>The lead time of a supplier with too little history and no registered default (0–365 days). Default 14.</summary>
    public int DefaultLeadTimeDays { get; set; } = 14;
}
