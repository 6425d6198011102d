namespace Presale.Domain.Payments;

/// <summary>The unit price a line gets and the early-bird tier it came from.</summary>
/// <param name="UnitPrice">The unit price written on the line.</param>
/// <param name="Tier">The tier's index in <see cref="EarlyBirdPricing.Tiers"/>; null for the regular price.</param>
public sealed record PriceDecision(decimal UnitPrice, int? Tier);
