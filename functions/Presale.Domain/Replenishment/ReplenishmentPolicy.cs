namespace Presale.Domain.Replenishment;

/// <summary>How much safety a replenishment suggestion carries.</summary>
/// <param name="ServiceLevelZ">The service level as a z-score (1.65 ≈ 95 % of lead times without a stock-out); safety stock = z × demand deviation × √lead time.</param>
public sealed record ReplenishmentPolicy(double ServiceLevelZ = 1.65)
{
    /// <summary>The defaults.</summary>
    public static ReplenishmentPolicy Default { get; } = new();
}
