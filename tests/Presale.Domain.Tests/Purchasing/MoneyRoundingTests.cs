using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Domain.Tests.Purchasing;

public sealed class MoneyRoundingTests
{
    [Theory]
    [InlineData("2.345", "EUR", "2.35")]
    [InlineData("-2.345", "EUR", "-2.35")]
    [InlineData("2.344999", "EUR", "2.34")]
    [InlineData("2", "EUR", "2.00")]
    [InlineData("1234.5", "JPY", "1235")]
    [InlineData("1234.4", "JPY", "1234")]
    public void Round_HalfAwayFromZero_ToTheCurrencysMinorUnits_WrittenWithThemAll(string amount, string currency, string expected) =>
        Assert.Equal(expected, MoneyRounding.Round(Parse(amount), currency).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Extend_RoundsTheProductOnce()
    {
        Assert.Equal(new Money(737.01m, "EUR"), MoneyRounding.Extend(new Money(2.4567m, "EUR"), 300));
        // 180 × 2.4567 × 3 % = 13.26618, not 180 × round(2.4567 × 3 %) = 180 × 0.07 = 12.60.
        Assert.Equal(new Money(13.27m, "EUR"), MoneyRounding.Extend(new Money(2.4567m, "EUR"), 180, 0.03m));
    }

    [Fact]
    public void Allocate_LargestRemainderGoesToTheLargestFraction()
    {
        var shares = MoneyRounding.Allocate(new Money(1.00m, "EUR"), [1m, 1m, 1m]);

        Assert.Equal([0.34m, 0.33m, 0.33m], shares.Select(s => s.Amount));
        Assert.Equal([-0.34m, -0.33m, -0.33m], MoneyRounding.Allocate(new Money(-1.00m, "EUR"), [1m, 1m, 1m]).Select(s => s.Amount));
        Assert.Equal([0m, 10m], MoneyRounding.Allocate(new Money(10m, "JPY"), [0m, 3m]).Select(s => s.Amount));
        Assert.Equal([5m, 5m], MoneyRounding.Allocate(new Money(10m, "JPY"), [0m, 0m]).Select(s => s.Amount));
        Assert.Throws<ArgumentException>(() => MoneyRounding.Allocate(new Money(1.005m, "EUR"), [1m]));
    }

    /// <summary>Whatever the amount and weights, the shares add up to the total and none is a minor unit or more off its exact share.</summary>
    [Fact]
    public void Allocate_NeverLosesACent()
    {
        var cases =
            (from cents in Gen.Choose(-1_000_000, 1_000_000)
             from count in Gen.Choose(1, 12)
             from weights in Gen.ArrayOf(Gen.Choose(0, 100_000).Select(w => w / 100m), count)
             select (Total: new Money(cents / 100m, "EUR"), Weights: weights))
            .ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var shares = MoneyRounding.Allocate(c.Total, c.Weights);
            var sum = c.Weights.Sum();
            var exact = c.Weights.Select(w => sum == 0m ? c.Total.Amount / c.Weights.Length : c.Total.Amount * w / sum).ToArray();
            return shares.Sum(s => s.Amount) == c.Total.Amount
                && shares.Select((s, i) => Math.Abs(s.Amount - exact[i])).All(d => d < 0.01m)
                && shares.All(s => s.Currency == "EUR" && s.Amount == Math.Round(s.Amount, 2));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
