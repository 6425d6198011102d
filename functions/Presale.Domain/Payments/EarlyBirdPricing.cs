namespace Presale.Domain.Payments;

/// <summary>
/// A SKU's prices over its sale: early-bird tiers in order, then the regular price. A line takes the first tier that
/// still holds for all its units (its date not passed, and its units sold plus the line's within its limit); a line
/// that does not fit in a tier goes to the next, so a tier of N units never sells more than N. The units sold per tier
/// are kept by the caller (a counter updated under optimistic concurrency), which is what makes N mean N when
/// checkouts run in parallel.
/// </summary>
/// <param name="Tiers">The early-bird tiers, in the order they apply.</param>
/// <param name="RegularPrice">The price once no tier holds.</param>
public sealed record EarlyBirdPricing(IReadOnlyList<PriceTier> Tiers, decimal RegularPrice)
{
    /// <summary>
    /// The price of a line of <paramref name="quantity"/> units placed at <paramref name="at"/>, with
    /// <paramref name="soldPerTier"/> units already sold at each tier (missing entries count as none).
    /// </summary>
    public PriceDecision Decide(DateTimeOffset at, IReadOnlyList<int> soldPerTier, int quantity)
    {
        ArgumentNullException.ThrowIfNull(soldPerTier);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            var sold = i < soldPerTier.Count ? soldPerTier[i] : 0;
            if ((tier.Until is not { } until || at < until) && (tier.FirstUnits is not { } limit || sold + quantity <= limit))
            {
                return new PriceDecision(tier.UnitPrice, i);
            }
        }

        return new PriceDecision(RegularPrice, null);
    }
}
