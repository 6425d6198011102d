using Presale.Domain.Suppliers;

namespace Presale.Domain.Tests.Suppliers;

public sealed class SupplierScorecardCalculatorTests
{
    private static readonly DateOnly FirstEta = new(2026, 3, 10);

    private static LotHistory Lot(string id, int? receivedOffset, int ordered = 10, int? received = null, bool cancelled = false,
        int claims = 0, string supplier = "acme", DateOnly? firstEta = null, params int[] etaMoves)
    {
        var eta = firstEta ?? FirstEta;
        var changes = etaMoves.Select((move, i) => new EtaChange(new DateTimeOffset(2026, 3, 1 + i, 8, 0, 0, TimeSpan.Zero), eta.AddDays(move))).ToArray();
        return new LotHistory(id, supplier, eta, changes, ordered, received ?? (receivedOffset is null ? 0 : ordered),
            receivedOffset is { } r ? eta.AddDays(r) : null, cancelled, claims);
    }

    public static TheoryData<string, LotHistory, ScorecardPolicy, int, int, int> SingleLotCases => new()
    {
        // name, lot, policy, today (days after first ETA), expected measured, expected on-time-in-full lots
        { "received on the first ETA in full", Lot("l", 0), ScorecardPolicy.Default, 30, 1, 1 },
        { "one day late within the default tolerance", Lot("l", 1), ScorecardPolicy.Default, 30, 1, 1 },
        { "two days late beyond the default tolerance", Lot("l", 2), ScorecardPolicy.Default, 30, 1, 0 },
        { "two days late within a two-day tolerance", Lot("l", 2), new ScorecardPolicy(ToleranceDays: 2), 30, 1, 1 },
        { "five days early is fine by default", Lot("l", -5), ScorecardPolicy.Default, 30, 1, 1 },
        { "five days early is a miss when early counts", Lot("l", -5), new ScorecardPolicy(EarlyCountsAsMiss: true), 30, 1, 0 },
        { "one day early within tolerance when early counts", Lot("l", -1), new ScorecardPolicy(EarlyCountsAsMiss: true), 30, 1, 1 },
        { "on time but short", Lot("l", 0, ordered: 10, received: 9), ScorecardPolicy.Default, 30, 1, 0 },
        { "on time and over-delivered", Lot("l", 0, ordered: 10, received: 11), ScorecardPolicy.Default, 30, 1, 1 },
        { "cancelled", Lot("l", null, cancelled: true), ScorecardPolicy.Default, 30, 1, 0 },
        { "open and not yet past tolerance", Lot("l", null), ScorecardPolicy.Default, 1, 0, 0 },
        { "open and past tolerance", Lot("l", null), ScorecardPolicy.Default, 2, 1, 0 },
        { "received on a revised ETA, late against the first", Lot("l", 5, etaMoves: [5]), ScorecardPolicy.Default, 30, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(SingleLotCases))]
    public void Compute_JudgesEachLotAgainstItsFirstPromisedEta(string name, LotHistory lot, ScorecardPolicy policy, int todayOffset, int measured, int hits)
    {
        var card = SupplierScorecardCalculator.Compute("acme", [lot], FirstEta.AddDays(todayOffset), policy);

        Assert.True((measured, hits) == (card.MeasuredLots, card.OnTimeInFullLots), $"{name}: measured {card.MeasuredLots}, hits {card.OnTimeInFullLots}");
    }

    [Fact]
    public void Compute_AggregatesSlipFillEtaChangesAndClaims()
    {
        LotHistory[] lots =
        [
            Lot("a", -2, etaMoves: [3, -2]),
            Lot("b", 0, claims: 2),
            Lot("c", 1, etaMoves: [1, 1]),
            Lot("d", 4, ordered: 10, received: 8),
            Lot("e", 10, ordered: 20, received: 25, etaMoves: [10]),
            Lot("f", null, ordered: 10, received: 4, cancelled: true),
            Lot("g", null, firstEta: FirstEta.AddDays(40)),
            Lot("x", 30, supplier: "globex"),
        ];

        var card = SupplierScorecardCalculator.Compute("acme", lots, FirstEta.AddDays(20));

        Assert.Equal(7, card.Lots);
        Assert.Equal(6, card.MeasuredLots);
        Assert.Equal(3, card.OnTimeInFullLots);
        Assert.Equal(3.0 / 6, card.OnTimeInFull!.Value, 6);
        Assert.Equal((-2 + 0 + 1 + 4 + 10) / 5.0, card.AverageSlipDays!.Value, 6);
        Assert.Equal(1, card.P50SlipDays);
        Assert.Equal(10, card.P90SlipDays);
        Assert.Equal(4.0 / 7, card.EtaChangesPerLot!.Value, 6);
        Assert.Equal((10 + 10 + 10 + 8 + 20 + 4) / 70.0, card.FillRate!.Value, 6);
        Assert.Equal(1.0 / 6, card.CancellationRate!.Value, 6);
        Assert.Equal(2.0 / 5, card.ReturnClaimsPerLot!.Value, 6);
        Assert.Equal(SupplierGrade.D, card.Grade);
    }

    [Theory]
    [InlineData(1.00, 1.00, 0, SupplierGrade.A)]
    [InlineData(0.95, 0.98, 2, SupplierGrade.A)]
    [InlineData(0.95, 0.98, 3, SupplierGrade.B)]
    [InlineData(0.94, 1.00, 0, SupplierGrade.B)]
    [InlineData(1.00, 0.97, 0, SupplierGrade.B)]
    [InlineData(0.85, 0.95, 5, SupplierGrade.B)]
    [InlineData(0.85, 0.95, 6, SupplierGrade.C)]
    [InlineData(0.84, 1.00, 0, SupplierGrade.C)]
    [InlineData(0.70, 0.90, 30, SupplierGrade.C)]
    [InlineData(0.69, 1.00, 0, SupplierGrade.D)]
    [InlineData(1.00, 0.89, 0, SupplierGrade.D)]
    public void GradeOf_AppliesTheDocumentedThresholds(double otif, double fill, int p90, SupplierGrade expected) =>
        Assert.Equal(expected, SupplierScorecardCalculator.GradeOf(otif, fill, p90));

    [Fact]
    public void Compute_GradesAReliableSupplierA()
    {
        var lots = Enumerable.Range(0, 20).Select(i => Lot($"l{i}", i % 10 == 0 ? 1 : 0)).ToArray();

        var card = SupplierScorecardCalculator.Compute("acme", lots, FirstEta.AddDays(60));

        Assert.Equal((1.0, 1.0, (int?)0, (SupplierGrade?)SupplierGrade.A), (card.OnTimeInFull!.Value, card.FillRate!.Value, card.P90SlipDays, card.Grade));
    }

    [Fact]
    public void Compute_WithTooFewMeasuredLots_GivesNoGrade_AndWithNoLots_NoFigures()
    {
        var few = SupplierScorecardCalculator.Compute("acme", [Lot("a", 0), Lot("b", 0)], FirstEta.AddDays(30));
        var none = SupplierScorecardCalculator.Compute("acme", [], FirstEta);

        Assert.Null(few.Grade);
        Assert.Equal(1.0, few.OnTimeInFull);
        Assert.Equal(new SupplierScorecard("acme", 0, 0, 0, null, null, null, null, null, null, null, null, null), none);
    }
}
