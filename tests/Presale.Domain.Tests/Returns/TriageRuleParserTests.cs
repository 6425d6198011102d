using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Tests.Returns;

public sealed class TriageRuleParserTests
{
    private static TriageRuleDefinition Rule(string? name, int? priority, string? action, params (string Key, string? Value)[] when) => new()
    {
        Name = name,
        Priority = priority,
        Action = action,
        When = when.ToDictionary(w => w.Key, w => w.Value),
    };

    [Fact]
    public void Parse_ReadsEveryConditionAndTheAction()
    {
        var result = TriageRuleParser.Parse(
        [
            Rule("warranty-claims", 5, "returnToVendor",
                ("Reason", "Defective, NotAsDescribed"),
                ("grade", "c"),
                ("minDaysSinceDelivery", "0"),
                ("maxDaysSinceDelivery", "365"),
                ("minUnitValue", "10.50"),
                ("maxUnitValue", "1000"),
                ("customerReturnsWithinDays", "30"),
                ("minCustomerReturns", "1"),
                ("category", "electronics, toys"),
                ("warrantyActive", "true"),
                ("shippingCostExceedsValue", "false")),
        ]);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var rule = Assert.Single(result.RuleSet!.Rules);
        Assert.Equal(TriageAction.ReturnToVendor, rule.Action);
        Assert.Equal(
            new TriageConditions
            {
                Reasons = new HashSet<ReturnReason> { ReturnReason.Defective, ReturnReason.NotAsDescribed },
                Grades = new HashSet<ConditionGrade> { ConditionGrade.C },
                MinDaysSinceDelivery = 0,
                MaxDaysSinceDelivery = 365,
                MinUnitValue = 10.50m,
                MaxUnitValue = 1000m,
                CustomerReturns = new CustomerReturnsCondition(30, 1),
                Categories = new HashSet<string> { "electronics", "toys" },
                WarrantyActive = true,
                ShippingCostExceedsValue = false,
            },
            rule.When);
    }

    [Fact]
    public void Parse_DefaultRulesWrittenAsConfiguration_EqualTheBuiltInDefaults()
    {
        var result = TriageRuleParser.Parse(
        [
            Rule("serial-returner", 10, "ManualReview", ("customerReturnsWithinDays", "90"), ("minCustomerReturns", "5")),
            Rule("high-value", 20, "ManualReview", ("minUnitValue", "500")),
            Rule("keep-it-low-value", 30, "KeepIt", ("shippingCostExceedsValue", "true")),
            Rule("defective-under-warranty", 40, "ReturnToVendor", ("grade", "C"), ("warrantyActive", "true")),
            Rule("defective-out-of-warranty", 50, "Scrap", ("grade", "C")),
            Rule("damaged", 60, "Scrap", ("grade", "D")),
            Rule("sealed-restock", 70, "Restock", ("grade", "A")),
            Rule("opened-open-box", 80, "Refurbish", ("grade", "B")),
        ]);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(TriageRuleSet.Default.Rules, result.RuleSet!.Rules);
    }

    [Fact]
    public void Parse_ListsEveryProblem_NamingRuleAndField()
    {
        var result = TriageRuleParser.Parse(
        [
            Rule(null, null, null),
            Rule("typo-action", 1, "Restok"),
            Rule("numeric-action", 2, "3"),
            Rule("typo-condition", 3, "Scrap", ("grades", "D")),
            Rule("bad-values", 4, "Restock", ("grade", "E"), ("minDaysSinceDelivery", "ten"), ("minUnitValue", "1,5"), ("warrantyActive", "yes")),
            Rule("half-returns", 5, "ManualReview", ("customerReturnsWithinDays", "30")),
            Rule("contradiction", 6, "Restock", ("minUnitValue", "100"), ("maxUnitValue", "10")),
            Rule("contradiction", 6, "Scrap", ("grade", "D")),
        ]);

        Assert.False(result.IsValid);
        string[] expected =
        [
            "Rules[0]: Name is required.",
            "Rules[0]: Priority is required.",
            "Rules[0]: Action is required",
            "Rules[1] 'typo-action': unknown action 'Restok'",
            "Rules[2] 'numeric-action': unknown action '3'",
            "Rules[3] 'typo-condition': unknown condition 'grades'",
            "Rules[4] 'bad-values': condition 'grade' has unknown value 'E'",
            "Rules[4] 'bad-values': condition 'minDaysSinceDelivery' must be a whole number, not 'ten'.",
            "Rules[4] 'bad-values': condition 'minUnitValue' must be a number like 12.50, not '1,5'.",
            "Rules[4] 'bad-values': condition 'warrantyActive' must be true or false, not 'yes'.",
            "Rules[5] 'half-returns': 'customerReturnsWithinDays' and 'minCustomerReturns' are given together or not at all.",
            "Rule 'contradiction': minUnitValue 100 is above maxUnitValue 10; no unit can match.",
            "Rule name 'contradiction' is used by 2 rules",
            "Priority 6 is shared by rules 'contradiction', 'contradiction'",
        ];
        foreach (var text in expected)
        {
            Assert.Contains(result.Errors, e => e.StartsWith(text, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, result.Errors.Count);
    }

    [Fact]
    public void Parse_EmptyList_IsValidAndSendsEverythingToReview()
    {
        var result = TriageRuleParser.Parse([]);

        Assert.True(result.IsValid);
        Assert.Equal(DecisionSource.NoRuleMatched, result.RuleSet!.DecideAtInspection(
            new TriageFacts(ReturnReason.ChangedMind, ConditionGrade.A, 1, 1m, "x", false, null, 1m, new DateOnly(2026, 1, 1), [])).Source);
    }
}
