using Presale.Domain.Suppliers;

namespace Presale.Domain.Tests.Suppliers;

public sealed class PromiseBufferCalculatorTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    /// <summary>Received lots, one a week, with the given slips (oldest first).</summary>
    private static List<LotHistory> Received(string supplier, params int[] slips) =>
        slips.Select((slip, i) =>
        {
            var eta = Start.AddDays(7 * i);
            return new LotHistory($"{supplier}-{i:D3}", supplier, eta, [], 10, 10, eta.AddDays(slip));
        }).ToList();

    [Fact]
    public void For_IsThePercentileOfRecentLateness_WithAnExplanation()
    {
        var lots = Received("S", -2, 0, 0, 1, 1, 2, 3, 3, 5, 8, 0, 0);

        var buffer = PromiseBufferCalculator.For("S", lots);

        Assert.Equal((3, PromiseBufferBasis.SlipHistory, 12), (buffer.Days, buffer.Basis, buffer.LotsConsidered));
        Assert.Equal("+3 days: p80 slip of supplier S over its last 12 lots", buffer.Explanation);
        Assert.Equal(new DateOnly(2026, 5, 4), buffer.Apply(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void For_LearnsOnlyFromTheLastNReceivedLots()
    {
        var lots = Received("S", 20, 20, 20, 20, 0, 0, 0, 0, 0, 0);

        var buffer = PromiseBufferCalculator.For("S", lots, new PromiseBufferPolicy(LookbackLots: 6));

        Assert.Equal((0, 6), (buffer.Days, buffer.LotsConsidered));
        Assert.Equal(14, PromiseBufferCalculator.For("S", lots, new PromiseBufferPolicy(LookbackLots: 10)).Days);
    }

    [Fact]
    public void For_EarlyArrivalsCountAsZero_SoARarelyLateSupplierGetsNoBuffer()
    {
        var lots = Received("S", -5, -5, -5, -5, -5, -5, -5, -5, -5, -5, -5, 9);

        Assert.Equal(0, PromiseBufferCalculator.For("S", lots).Days);
        Assert.Equal(9, PromiseBufferCalculator.For("S", lots, new PromiseBufferPolicy(Percentile: 1.0)).Days);
    }

    [Fact]
    public void For_WithTooLittleHistory_IsZero()
    {
        var buffer = PromiseBufferCalculator.For("S", Received("S", 9, 9, 9, 9));

        Assert.Equal((0, PromiseBufferBasis.InsufficientHistory, 4), (buffer.Days, buffer.Basis, buffer.LotsConsidered));
        Assert.Equal("+0 days: supplier S has 4 received lots, too few to learn its slips from", buffer.Explanation);
    }

    [Fact]
    public void For_IsCappedAtTheMaximum()
    {
        var buffer = PromiseBufferCalculator.For("S", Received("S", 30, 30, 30, 30, 30), new PromiseBufferPolicy(MaximumDays: 10));

        Assert.Equal((10, PromiseBufferBasis.Capped, 30), (buffer.Days, buffer.Basis, buffer.UncappedDays));
        Assert.Equal("+10 days (capped from 30): p80 slip of supplier S over its last 5 lots", buffer.Explanation);
    }

    [Fact]
    public void For_IgnoresOpenAndCancelledLotsAndOtherSuppliers()
    {
        var lots = Received("S", 1, 1, 1, 1, 1);
        lots.Add(new LotHistory("open", "S", Start, [], 10, 0, null));
        lots.Add(new LotHistory("cancelled", "S", Start, [], 10, 0, Start.AddDays(40), Cancelled: true));
        lots.AddRange(Received("T", 20, 20, 20, 20, 20, 20));

        var buffer = PromiseBufferCalculator.For("S", lots);

        Assert.Equal((1, 5), (buffer.Days, buffer.LotsConsidered));
        Assert.Equal("+1 day: p80 slip of supplier S over its last 5 lots", buffer.Explanation);
    }

    [Theory]
    [InlineData(0.0, 12, 5, 14)]
    [InlineData(1.5, 12, 5, 14)]
    [InlineData(0.8, 0, 1, 14)]
    [InlineData(0.8, 4, 5, 14)]
    [InlineData(0.8, 12, 5, -1)]
    public void For_RejectsAnInvalidPolicy(double percentile, int lookback, int minimum, int maximum) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PromiseBufferCalculator.For("S", [], new PromiseBufferPolicy(percentile, lookback, minimum, maximum)));
}
