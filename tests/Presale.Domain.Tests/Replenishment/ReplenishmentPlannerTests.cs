using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Replenishment;
using Presale.Domain.Suppliers;

namespace Presale.Domain.Tests.Replenishment;

public sealed class ReplenishmentPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Sku Chip = Sku.From("CHIP-1");

    private static SkuReplenishmentFacts Facts(long onHand = 0, long inbound = 0, long reserved = 0, long uncovered = 0, DateOnly? promise = null, int[]? daily = null) =>
        new(Chip, Today, onHand, inbound, reserved, uncovered, promise, 2, DemandRate.From(daily ?? [.. Enumerable.Repeat(0, 28)]));

    private static SupplierOffer Offer(string supplier, decimal cost, int leadDays, int moq = 1, int pack = 1) =>
        new(supplier, new CatalogueItem(Chip, new Money(cost, "EUR"), moq, pack), new SupplierLeadTime(supplier, leadDays, LeadTimeBasis.History, 5));

    [Fact]
    public void DemandRate_IsTheMeanAndPopulationDeviation()
    {
        var rate = DemandRate.From([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal((5.0, 2.0, 8), (rate.UnitsPerDay, rate.Deviation, rate.Days));
        Assert.Equal(new DemandRate(0, 0, 0), DemandRate.From([]));
    }

    /// <summary>
    /// Demand 5/day with deviation 2, lead time 9 days, z = 1.65: safety stock ⌈1.65 × 2 × 3⌉ = ⌈9.9⌉ = 10; target
    /// ⌈5 × 9⌉ + 10 = 55; position 20 on hand + 10 inbound − 40 reserved = −10; order 65.
    /// </summary>
    [Fact]
    public void Suggest_OrdersUpToDemandOverTheLeadTimePlusSafetyStock()
    {
        var daily = Enumerable.Range(0, 7).SelectMany(_ => new[] { 2, 4, 4, 4, 5, 5, 7, 9 }).ToArray();
        var suggestion = ReplenishmentPlanner.Suggest(Facts(onHand: 20, inbound: 10, reserved: 40, daily: daily), [Offer("acme", 1m, 9)])!;

        Assert.Equal((10L, 65), (suggestion.Chosen.SafetyStock, suggestion.Chosen.Quantity));
        Assert.StartsWith("Order 65 units of CHIP-1 from supplier acme by ", suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_UncoveredPromises_SetTheDateGoodsAreNeeded_AndTheDayToOrderBy()
    {
        var promise = Today.AddDays(20);
        var suggestion = ReplenishmentPlanner.Suggest(Facts(reserved: 30, uncovered: 30, promise: promise), [Offer("acme", 2m, 10)])!;

        Assert.Equal(promise.AddDays(-2), suggestion.NeedBy);
        Assert.Equal((30, Today.AddDays(8), Today.AddDays(10), true), (suggestion.Chosen.Quantity, suggestion.Chosen.OrderBy, suggestion.Chosen.Arrival, suggestion.Chosen.KeepsPromises));
        Assert.Equal($"CHIP-1|acme|{Today:yyyy-MM-dd}", suggestion.SuggestionId);
    }

    [Fact]
    public void Suggest_TakesTheCheapestSupplierThatKeepsPromises_ElseTheFirstToArrive()
    {
        var facts = Facts(reserved: 10, uncovered: 10, promise: Today.AddDays(12));
        var keeping = ReplenishmentPlanner.Suggest(facts, [Offer("fast-dear", 3m, 3), Offer("slow-cheap", 1m, 30), Offer("ok", 2m, 8)])!;
        Assert.Equal("ok", keeping.Chosen.SupplierId);
        Assert.Equal(["fast-dear", "slow-cheap"], keeping.Alternatives.Select(a => a.SupplierId));

        var none = ReplenishmentPlanner.Suggest(facts, [Offer("slow", 1m, 30), Offer("slower", 0.5m, 40)])!;
        Assert.Equal(("slow", Today, false), (none.Chosen.SupplierId, none.Chosen.OrderBy, none.Chosen.KeepsPromises));
        Assert.Contains("at risk", none.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_AppliesTheMinimumAndWholeCases()
    {
        var suggestion = ReplenishmentPlanner.Suggest(Facts(reserved: 13, uncovered: 13, promise: Today.AddDays(30)), [Offer("acme", 1m, 5, moq: 10, pack: 6)])!;

        Assert.Equal(18, suggestion.Chosen.Quantity);
    }

    [Fact]
    public void Suggest_NothingWhenSupplyCoversDemand_OrNobodyOffersTheSku()
    {
        Assert.Null(ReplenishmentPlanner.Suggest(Facts(onHand: 100, reserved: 10, daily: [.. Enumerable.Repeat(1, 28)]), [Offer("acme", 1m, 10)]));
        Assert.Null(ReplenishmentPlanner.Suggest(Facts(reserved: 10, uncovered: 10, promise: Today.AddDays(9)), []));
    }

    [Fact]
    public void NeedBy_IsTheEarlierOfTheUncoveredPromiseAndTheStockOut()
    {
        // 30 covered units at 5 a day last 6 days; the uncovered promise needs goods in 18 days.
        var facts = Facts(onHand: 40, reserved: 10, uncovered: 5, promise: Today.AddDays(20), daily: [.. Enumerable.Repeat(5, 28)]);
        Assert.Equal(Today.AddDays(6), ReplenishmentPlanner.NeedBy(facts));
        Assert.Null(ReplenishmentPlanner.NeedBy(Facts(onHand: 5)));
    }

    [Fact]
    public void LeadTime_IsThePercentileOfRealLeadTimes_ElseTheSuppliersDefault_ElseThePolicys()
    {
        var lots = Enumerable.Range(0, 5).Select(i => new LotHistory($"L{i}", "acme", Today, [], 10, 10, Today.AddDays(3 + i), RegisteredOn: Today)).ToList();

        Assert.Equal(new SupplierLeadTime("acme", 6, LeadTimeBasis.History, 5), LeadTimeCalculator.For("acme", lots, 20));
        Assert.Equal(new SupplierLeadTime("acme", 20, LeadTimeBasis.SupplierDefault, 0), LeadTimeCalculator.For("acme", lots.Take(2), 20));
        Assert.Equal(new SupplierLeadTime("acme", 14, LeadTimeBasis.PolicyDefault, 0), LeadTimeCalculator.For("acme", [], null));
        Assert.Null((lots[0] with { Cancelled = true }).LeadTimeDays);
    }

    [Fact]
    public void Resourcing_NamesTheSupplierThatSavesTheMostOrders()
    {
        var eta = Today.AddDays(20);
        AtRiskOrder[] waiting =
        [
            new("o1", 1, 5, Today.AddDays(8)),
            new("o2", 1, 5, Today.AddDays(15)),
            new("o3", 1, 5, Today.AddDays(30)),
        ];
        var advice = ResourcingAdvisor.Assess("acme", "PO-1-L1", Chip, eta, 2, Today, waiting, [Offer("acme", 1m, 1), Offer("quick", 2m, 4), Offer("slow", 1m, 12)], 0, 1)!;

        Assert.Equal(["o1", "o2"], advice.AtRisk.Select(o => o.OrderId));
        Assert.Equal(("quick", Today.AddDays(4), 10), (advice.Best.SupplierId, advice.Best.Arrival, advice.Best.Quantity));
        Assert.Equal(["o1", "o2"], advice.Best.SavedOrders.Select(o => o.OrderId));
        Assert.Contains("o1 (promised 2026-03-10)", advice.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Resourcing_NothingWithinTheToleranceOrBelowTheMinimumOrWithoutAFasterSource()
    {
        var eta = Today.AddDays(10);
        AtRiskOrder[] waiting = [new("o1", 1, 5, Today.AddDays(10))];
        Assert.Null(ResourcingAdvisor.Assess("acme", "L", Chip, eta, 2, Today, waiting, [Offer("quick", 1m, 1)], toleranceDays: 2, minimumOrders: 1));
        Assert.Null(ResourcingAdvisor.Assess("acme", "L", Chip, eta, 2, Today, waiting, [Offer("quick", 1m, 1)], toleranceDays: 0, minimumOrders: 2));
        Assert.Null(ResourcingAdvisor.Assess("acme", "L", Chip, eta, 2, Today, waiting, [Offer("slow", 1m, 9)], toleranceDays: 0, minimumOrders: 1));
        Assert.NotNull(ResourcingAdvisor.Assess("acme", "L", Chip, eta, 2, Today, waiting, [Offer("quick", 1m, 1)], toleranceDays: 0, minimumOrders: 1));
    }
}
