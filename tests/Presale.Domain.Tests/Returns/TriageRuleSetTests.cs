using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;
using static Presale.Domain.Tests.Returns.ReturnTestData;

namespace Presale.Domain.Tests.Returns;

public sealed class TriageRuleSetTests
{
    private static TriageFacts Facts(
        ConditionGrade? grade,
        ReturnReason reason = ReturnReason.ChangedMind,
        decimal value = 100m,
        int days = 10,
        bool warranty = false,
        string category = "electronics",
        decimal? label = null,
        decimal? shipment = null,
        DateOnly[]? history = null) =>
        new(reason, grade, days, value, category, warranty, label, shipment ?? value, Today, history ?? []);

    private static DateOnly[] ReturnsDaysAgo(params int[] daysAgo) => daysAgo.Select(d => Today.AddDays(-d)).ToArray();

    public static TheoryData<string, TriageFacts, TriageAction, string> DefaultInspectionTable() => new()
    {
        { "sealed", Facts(ConditionGrade.A), TriageAction.Restock, "sealed-restock" },
        { "opened", Facts(ConditionGrade.B), TriageAction.Refurbish, "opened-open-box" },
        { "defective under warranty", Facts(ConditionGrade.C, ReturnReason.Defective, warranty: true), TriageAction.ReturnToVendor, "defective-under-warranty" },
        { "defective out of warranty", Facts(ConditionGrade.C, ReturnReason.Defective), TriageAction.Scrap, "defective-out-of-warranty" },
        { "damaged", Facts(ConditionGrade.D), TriageAction.Scrap, "damaged" },
        { "damaged under warranty is still scrap", Facts(ConditionGrade.D, warranty: true), TriageAction.Scrap, "damaged" },
        { "high value at the bound", Facts(ConditionGrade.A, value: 500m), TriageAction.ManualReview, "high-value" },
        { "just under high value", Facts(ConditionGrade.A, value: 499.99m), TriageAction.Restock, "sealed-restock" },
        { "serial returner: 5 in 90 days", Facts(ConditionGrade.A, history: ReturnsDaysAgo(0, 10, 20, 30, 89)), TriageAction.ManualReview, "serial-returner" },
        { "4 in 90 days is not serial", Facts(ConditionGrade.A, history: ReturnsDaysAgo(0, 10, 20, 30)), TriageAction.Restock, "sealed-restock" },
        { "the 90th day back is outside the window", Facts(ConditionGrade.A, history: ReturnsDaysAgo(0, 10, 20, 30, 90)), TriageAction.Restock, "sealed-restock" },
        { "serial returner outranks high value", Facts(ConditionGrade.C, value: 900m, history: ReturnsDaysAgo(1, 2, 3, 4, 5)), TriageAction.ManualReview, "serial-returner" },
        { "keep-it is never decided after inspection", Facts(ConditionGrade.A, value: 5m, label: 8m), TriageAction.Restock, "sealed-restock" },
    };

    [Theory]
    [MemberData(nameof(DefaultInspectionTable))]
    public void DefaultRules_AtInspection_DecideAsTheTableSays(string scenario, TriageFacts facts, TriageAction action, string rule)
    {
        var decision = TriageRuleSet.Default.DecideAtInspection(facts);

        Assert.True(action == decision.Action, scenario);
        Assert.Equal(DecisionSource.Rule, decision.Source);
        Assert.Equal(rule, decision.RuleName);
    }

    public static TheoryData<string, TriageFacts, string?> DefaultIntakeTable() => new()
    {
        { "label costs more than the goods", Facts(null, value: 5m, label: 8m), "keep-it-low-value" },
        { "label costs as much as the goods", Facts(null, value: 8m, label: 8m), null },
        { "label cost unknown", Facts(null, value: 5m), null },
        { "several units together are worth shipping", Facts(null, value: 5m, label: 8m, shipment: 15m), null },
        { "serial returners ship their returns", Facts(null, value: 5m, label: 8m, history: ReturnsDaysAgo(1, 2, 3, 4, 5)), null },
        { "high value ships", Facts(null, value: 600m, label: 700m), null },
    };

    [Theory]
    [MemberData(nameof(DefaultIntakeTable))]
    public void DefaultRules_AtIntake_KeepOnlyWhenTheFirstGradeFreeMatchIsKeepIt(string scenario, TriageFacts facts, string? keepRule)
    {
        var decision = TriageRuleSet.Default.DecideAtIntake(facts);

        Assert.True(keepRule == decision?.RuleName, scenario);
        if (decision is not null)
        {
            Assert.Equal(TriageAction.KeepIt, decision.Action);
        }
    }

    [Fact]
    public void DecideAtInspection_FirstRuleByPriorityWins_WhateverTheListOrder()
    {
        var rules = TriageRuleSet.Create(
        [
            new("late-refurbish", 20, new() { MinDaysSinceDelivery = 14 }, TriageAction.Refurbish),
            new("electronics-review", 10, new() { Categories = new HashSet<string> { "Electronics" } }, TriageAction.ManualReview),
        ]).RuleSet!;

        Assert.Equal(["electronics-review", "late-refurbish"], rules.Rules.Select(r => r.Name));
        Assert.Equal("electronics-review", rules.DecideAtInspection(Facts(ConditionGrade.A, days: 20)).RuleName);
        Assert.Equal("late-refurbish", rules.DecideAtInspection(Facts(ConditionGrade.A, days: 20, category: "toys")).RuleName);
    }

    [Fact]
    public void DecideAtInspection_WhenNoRuleMatches_SendsToManualReview()
    {
        var rules = TriageRuleSet.Create([new("sealed", 1, new() { Grades = new HashSet<ConditionGrade> { ConditionGrade.A } }, TriageAction.Restock)]).RuleSet!;

        var decision = rules.DecideAtInspection(Facts(ConditionGrade.B));

        Assert.Equal(TriageAction.ManualReview, decision.Action);
        Assert.Equal(DecisionSource.NoRuleMatched, decision.Source);
        Assert.Null(decision.RuleName);
        Assert.False(decision.IsFinal);
    }

    [Fact]
    public void DecideAtInspection_WithoutAGrade_Throws()
    {
        Assert.Throws<ArgumentException>(() => TriageRuleSet.Default.DecideAtInspection(Facts(null)));
    }

    public static TheoryData<string, TriageConditions, TriageFacts, bool> ConditionTable() => new()
    {
        { "reason in list", new() { Reasons = new HashSet<ReturnReason> { ReturnReason.Defective } }, Facts(ConditionGrade.A, ReturnReason.Defective), true },
        { "reason not in list", new() { Reasons = new HashSet<ReturnReason> { ReturnReason.Defective } }, Facts(ConditionGrade.A), false },
        { "grade in list", new() { Grades = new HashSet<ConditionGrade> { ConditionGrade.B } }, Facts(ConditionGrade.B), true },
        { "grade unknown never matches a grade list", new() { Grades = new HashSet<ConditionGrade> { ConditionGrade.B } }, Facts(null), false },
        { "min days inclusive", new() { MinDaysSinceDelivery = 10 }, Facts(ConditionGrade.A, days: 10), true },
        { "below min days", new() { MinDaysSinceDelivery = 10 }, Facts(ConditionGrade.A, days: 9), false },
        { "max days inclusive", new() { MaxDaysSinceDelivery = 10 }, Facts(ConditionGrade.A, days: 10), true },
        { "above max days", new() { MaxDaysSinceDelivery = 10 }, Facts(ConditionGrade.A, days: 11), false },
        { "min value inclusive", new() { MinUnitValue = 100m }, Facts(ConditionGrade.A, value: 100m), true },
        { "below min value", new() { MinUnitValue = 100m }, Facts(ConditionGrade.A, value: 99.99m), false },
        { "max value inclusive", new() { MaxUnitValue = 100m }, Facts(ConditionGrade.A, value: 100m), true },
        { "above max value", new() { MaxUnitValue = 100m }, Facts(ConditionGrade.A, value: 100.01m), false },
        { "customer returns reach the count", new() { CustomerReturns = new(30, 2) }, Facts(ConditionGrade.A, history: ReturnsDaysAgo(0, 29)), true },
        { "customer returns outside the window", new() { CustomerReturns = new(30, 2) }, Facts(ConditionGrade.A, history: ReturnsDaysAgo(0, 30)), false },
        { "category ignores case", new() { Categories = new HashSet<string> { "ELECTRONICS" } }, Facts(ConditionGrade.A), true },
        { "other category", new() { Categories = new HashSet<string> { "toys" } }, Facts(ConditionGrade.A), false },
        { "warranty active wanted and active", new() { WarrantyActive = true }, Facts(ConditionGrade.A, warranty: true), true },
        { "warranty inactive wanted but active", new() { WarrantyActive = false }, Facts(ConditionGrade.A, warranty: true), false },
        { "label costs less, false wanted", new() { ShippingCostExceedsValue = false }, Facts(ConditionGrade.A, value: 10m, label: 5m), true },
        { "label unknown matches neither flag", new() { ShippingCostExceedsValue = false }, Facts(ConditionGrade.A), false },
        { "all set conditions must hold", new() { MinUnitValue = 50m, Grades = new HashSet<ConditionGrade> { ConditionGrade.C } }, Facts(ConditionGrade.A, value: 60m), false },
        { "no conditions match everything", TriageConditions.Always, Facts(null), true },
    };

    [Theory]
    [MemberData(nameof(ConditionTable))]
    public void Conditions_MatchAsTheTableSays(string scenario, TriageConditions when, TriageFacts facts, bool matches)
    {
        Assert.True(matches == when.Matches(facts), scenario);
    }

    [Fact]
    public void Create_ListsEveryProblemWithTypedRules()
    {
        var grades = new HashSet<ConditionGrade> { ConditionGrade.A };
        var result = TriageRuleSet.Create(
        [
            new("a", 1, new() { MinDaysSinceDelivery = 10, MaxDaysSinceDelivery = 5 }, TriageAction.Restock),
            new("A", 2, new() { MinUnitValue = 10m, MaxUnitValue = 1m }, TriageAction.Restock),
            new("keep", 2, new() { Grades = grades }, TriageAction.KeepIt),
            new("empty-list", 3, new() { Reasons = new HashSet<ReturnReason>() }, TriageAction.Scrap),
            new("bad-window", 4, new() { CustomerReturns = new(0, 1) }, TriageAction.ManualReview),
            new("bad-action", 5, new() { Grades = grades }, (TriageAction)42),
        ]);

        Assert.False(result.IsValid);
        Assert.Null(result.RuleSet);
        Assert.Equal(8, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("'a'", StringComparison.Ordinal) && e.Contains("minDaysSinceDelivery 10 is above", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("minUnitValue 10 is above", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("KeepIt rule", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'empty-list'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'bad-window'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("unknown action 42", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("Rule name 'a' is used by 2 rules", StringComparison.Ordinal));
        Assert.Contains("Priority 2 is shared by rules 'A', 'keep'; priorities are unique.", result.Errors);
    }

    [Fact]
    public void Create_WhenPrioritiesRepeat_NamesTheRules()
    {
        var result = TriageRuleSet.Create(
        [
            new("one", 7, TriageConditions.Always with { MinUnitValue = 1m }, TriageAction.Restock),
            new("two", 7, TriageConditions.Always with { MinUnitValue = 2m }, TriageAction.Scrap),
        ]);

        Assert.Equal("Priority 7 is shared by rules 'one', 'two'; priorities are unique.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Create_WhenACatchAllComesFirst_ReportsTheRulesItShadows()
    {
        var result = TriageRuleSet.Create(
        [
            new("everything-to-review", 1, TriageConditions.Always, TriageAction.ManualReview),
            new("sealed", 2, new() { Grades = new HashSet<ConditionGrade> { ConditionGrade.A } }, TriageAction.Restock),
        ]);

        Assert.Contains("Rule 'sealed' can never fire", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ARuleThatRejects_IsRefused_BecauseOnlyAReviewerRejects()
    {
        var result = TriageRuleSet.Create([new("reject-damaged", 5, new() { Grades = new HashSet<ConditionGrade> { ConditionGrade.D } }, TriageAction.Reject)]);

        Assert.Null(result.RuleSet);
        Assert.Contains("Rule 'reject-damaged': Reject is a reviewer's decision", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsValidAndOrderedByPriority()
    {
        var rules = TriageRuleSet.Default.Rules;

        Assert.Empty(TriageRuleSet.Validate(rules.ToArray()));
        Assert.Equal(rules.OrderBy(r => r.Priority).Select(r => r.Name), rules.Select(r => r.Name));
        Assert.Equal(8, rules.Count);
    }
}
