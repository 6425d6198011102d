using Presale.Domain.Kpis;

namespace Presale.Domain.Tests.Kpis;

/// <summary>Each KPI formula on a hand-computed example (the numbers are worked out in the comments and docs/kpis.md).</summary>
public sealed class KpiFormulaTests
{
    /// <summary>COGS 4,000; inventory recorded at 10,000, 14,000 and 12,000 → average 12,000 → 4,000 ÷ 12,000 = 1/3 turn.</summary>
    [Fact]
    public void InventoryTurnover_IsCogsOverTheMeanRecordedInventoryValue()
    {
        Assert.Equal(4000m / 12000m, InventoryTurnover.Compute(4000m, [10000m, 14000m, 12000m]));
        Assert.Null(InventoryTurnover.Compute(4000m, []));
        Assert.Null(InventoryTurnover.Compute(4000m, [0m, 0m]));
    }

    /// <summary>150 units in stock; 60 sold over 30 days = 2 a day → 75 days.</summary>
    [Fact]
    public void DaysOfSupply_IsStockOverTheDailySalesRate()
    {
        Assert.Equal(75m, DaysOfSupply.Compute(150, 60, 30));
        Assert.Null(DaysOfSupply.Compute(150, 0, 30));
    }

    /// <summary>171 of 180 promises kept = 95 %; 8 of 240 units returned = 1/30; 9 of 10 lots on time in full = 90 %.</summary>
    [Fact]
    public void Ratios_AreEventsOverCases_AndNullWithoutCases()
    {
        Assert.Equal(0.95m, KpiRatio.PromiseAccuracy(171, 180));
        Assert.Equal(8m / 240m, KpiRatio.ReturnRate(8, 240));
        Assert.Equal(0.9m, KpiRatio.OnTimeInFull(9, 10));
        Assert.Null(KpiRatio.PromiseAccuracy(0, 0));
        Assert.Null(KpiRatio.ReturnRate(3, 0));
    }

    /// <summary>400 customers at the start, 430 at the end, 50 of them new → (430 − 50) ÷ 400 = 0.95.</summary>
    [Fact]
    public void Retention_IsEndMinusNewOverStart()
    {
        Assert.Equal(0.95m, CustomerLifetimeValue.Retention(430, 50, 400));
        Assert.Null(CustomerLifetimeValue.Retention(430, 50, 0));
    }

    /// <summary>AOV 80 × 2.5 orders × retention 0.9 = 180; ÷ (1 + 0.10)^3 = 1.331 → 135.2367.</summary>
    [Fact]
    public void LifetimeValue_IsTheSeedFormula()
    {
        var value = CustomerLifetimeValue.Compute(80m, 2.5m, 0.9m, 0.10m, 3m);

        Assert.NotNull(value);
        Assert.Equal(135.2367m, decimal.Round(value.Value, 4));
        Assert.Equal(180m, CustomerLifetimeValue.Compute(80m, 2.5m, 0.9m, 0m, 3m));
        Assert.Null(CustomerLifetimeValue.Compute(80m, 2.5m, null, 0.10m, 3m));
    }

    /// <summary>
    /// Five customers as of 31 March: A ordered 10 times (last 30 March, 1,000), B 5 (20 March, 500), C 3 (28 February,
    /// 300), D 2 (1 January, 200), E once (1 June 2025, 100). Each ranks k-th of 5 on every axis, so its scores are
    /// 1 + ⌊5 × k ÷ 5⌋: A 5/5/5 and B 4/4/4 are champions, C 3/3/3 loyal, D 2/2/2 and E 1/1/1 hibernating.
    /// </summary>
    [Fact]
    public void Rfm_ScoresQuintilesByRank_AndSegmentsByRecencyAndFrequency()
    {
        var asOf = new DateOnly(2026, 3, 31);
        var scores = RfmScorer.Score(
            [
                new RfmCustomer("E", new DateOnly(2025, 6, 1), 1, 100m),
                new RfmCustomer("A", new DateOnly(2026, 3, 30), 10, 1000m),
                new RfmCustomer("C", new DateOnly(2026, 2, 28), 3, 300m),
                new RfmCustomer("B", new DateOnly(2026, 3, 20), 5, 500m),
                new RfmCustomer("D", new DateOnly(2026, 1, 1), 2, 200m),
            ],
            asOf);

        Assert.Equal(
            [
                new RfmScore("E", 1, 1, 1, RfmSegment.Hibernating),
                new RfmScore("A", 5, 5, 5, RfmSegment.Champions),
                new RfmScore("C", 3, 3, 3, RfmSegment.Loyal),
                new RfmScore("B", 4, 4, 4, RfmSegment.Champions),
                new RfmScore("D", 2, 2, 2, RfmSegment.Hibernating),
            ],
            scores);
    }

    [Fact]
    public void Rfm_TiesShareAScore()
    {
        var day = new DateOnly(2026, 3, 1);
        var scores = RfmScorer.Score([new RfmCustomer("x", day, 2, 50m), new RfmCustomer("y", day, 2, 50m), new RfmCustomer("z", day.AddDays(1), 3, 60m)], day.AddDays(1));

        Assert.Equal([(1, 1, 1), (1, 1, 1), (4, 4, 4)], scores.Select(s => (s.Recency, s.Frequency, s.Monetary)));
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(3, 4, RfmSegment.Loyal)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 2, RfmSegment.Promising)]
    [InlineData(3, 1, RfmSegment.Promising)]
    [InlineData(2, 5, RfmSegment.CannotLose)]
    [InlineData(1, 3, RfmSegment.AtRisk)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    public void Rfm_SegmentTable(int recency, int frequency, RfmSegment segment) =>
        Assert.Equal(segment, RfmScorer.SegmentOf(recency, frequency));
}
