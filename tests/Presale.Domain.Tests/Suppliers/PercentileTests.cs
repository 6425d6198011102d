using Presale.Domain.Suppliers;

namespace Presale.Domain.Tests.Suppliers;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.8, 8)]
    [InlineData(new[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, 0.9, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 1.0, 10)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.01, 1)]
    [InlineData(new[] { 4, 1, 3, 2 }, 0.5, 2)]
    [InlineData(new[] { 7 }, 0.8, 7)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 5, 8 }, 0.8, 3)]
    public void NearestRank_ReturnsTheSmallestObservationCoveringP(int[] values, double p, int expected) =>
        Assert.Equal(expected, Percentile.NearestRank(values, p));

    [Fact]
    public void NearestRank_RejectsEmptyInputAndOutOfRangeP()
    {
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank([1], 1.5));
    }
}
