using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Payments;

namespace Presale.Domain.Tests.Payments;

public sealed class EarlyBirdPricingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly EarlyBirdPricing Pricing = new([new PriceTier(79m, null, 100), new PriceTier(89m, T0.AddDays(30), null)], 99m);

    [Fact]
    public void Decide_TheFirstNUnits_GetTheFirstTier_ThenTheDatedTier_ThenTheRegularPrice()
    {
        Assert.Equal(new PriceDecision(79m, 0), Pricing.Decide(T0, [98], 2));
        Assert.Equal(new PriceDecision(89m, 1), Pricing.Decide(T0, [99], 2));
        Assert.Equal(new PriceDecision(99m, null), Pricing.Decide(T0.AddDays(30), [100, 7], 1));
    }

    [Fact]
    public void Decide_AnySequenceOfLines_NeverSellsMoreThanATiersUnits() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 15)).Select(l => l.ToArray()).ToArbitrary(),
            Gen.Choose(1, 60).ToArbitrary(),
            (quantities, limit) =>
            {
                var pricing = new EarlyBirdPricing([new PriceTier(1m, null, limit), new PriceTier(2m, null, limit)], 3m);
                var sold = new int[2];
                foreach (var quantity in quantities)
                {
                    if (pricing.Decide(T0, sold, quantity).Tier is { } tier)
                    {
                        sold[tier] += quantity;
                    }
                }

                return sold.All(s => s <= limit);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
}
