using Presale.Domain.Common;

namespace Presale.Domain.Returns.Triage;

/// <summary>
/// A validated, prioritised list of triage rules. The first matching rule by priority wins; each decision records
/// the rule that fired.
/// <list type="bullet">
/// <item>At intake (<see cref="DecideAtIntake"/>) only rules that do not look at the grade are tried. If the first one
/// that matches is a <see cref="TriageAction.KeepIt"/> rule, the unit is kept (refund without return); otherwise the
/// unit ships and is triaged after inspection. So a serial-returner rule ranked above a keep-it rule stops free
/// refunds.</item>
/// <item>After inspection (<see cref="DecideAtInspection"/>) keep-it rules are skipped (the unit is already back); no
/// match means <see cref="TriageAction.ManualReview"/>.</item>
/// </list>
/// </summary>
public sealed class TriageRuleSet
{
    private TriageRuleSet(IReadOnlyList<TriageRule> rules) => Rules = rules;

    /// <summary>The rules, lowest priority value (tried first) first.</summary>
    public IReadOnlyList<TriageRule> Rules { get; }

    /// <summary>
    /// The default rules: serial returners and high-value units to review, keep-it when the label costs more than the
    /// goods, defective under warranty back to the supplier, defective or damaged otherwise scrapped, sealed restocked,
    /// opened refurbished as open-box.
    /// </summary>
    public static TriageRuleSet Default { get; } = Create(DefaultRules()).RuleSet!;

    /// <summary>Validates <paramref name="rules"/> into a rule set, or lists every problem.</summary>
    public static TriageRuleSetResult Create(IEnumerable<TriageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        var errors = Validate(list);
        return errors.Count > 0
            ? new TriageRuleSetResult(null, errors)
            : new TriageRuleSetResult(new TriageRuleSet(list.OrderBy(r => r.Priority).ToArray()), []);
    }

    /// <summary>
    /// Every problem with <paramref name="rules"/>: bad names, duplicate names or priorities, unknown actions, the
    /// reviewer-only reject action, negative or contradictory bounds, empty lists, keep-it rules that look at the grade,
    /// and rules that can never fire because a catch-all rule comes first.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyCollection<TriageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<string>();
        foreach (var rule in rules)
        {
            ValidateRule(rule, errors);
        }

        foreach (var group in rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Rule name '{group.Key}' is used by {group.Count()} rules; names are unique (ignoring case).");
        }

        foreach (var group in rules.GroupBy(r => r.Priority).Where(g => g.Count() > 1))
        {
            errors.Add($"Priority {group.Key} is shared by rules {string.Join(", ", group.Select(r => $"'{r.Name}'"))}; priorities are unique.");
        }

        var ordered = rules.OrderBy(r => r.Priority).ToArray();
        if (ordered.FirstOrDefault(r => r.When.IsEmpty && r.Action != TriageAction.KeepIt) is { } catchAll)
        {
            foreach (var shadowed in ordered.Where(r => r.Priority > catchAll.Priority))
            {
                errors.Add($"Rule '{shadowed.Name}' can never fire: rule '{catchAll.Name}' (priority {catchAll.Priority}) has no conditions and comes first.");
            }
        }

        return errors;
    }

    /// <summary>
    /// The intake decision for a unit not yet shipped (<paramref name="facts"/> without a grade): a keep-it decision,
    /// or null when the unit should be shipped back.
    /// </summary>
    public TriageDecision? DecideAtIntake(TriageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var first = Rules.FirstOrDefault(r => r.ApplicableAtIntake && r.When.Matches(facts with { Grade = null }));
        return first is { Action: TriageAction.KeepIt } ? TriageDecision.ByRule(first) : null;
    }

    /// <summary>The decision for an inspected unit: the first matching non-keep-it rule, else manual review.</summary>
    /// <exception cref="ArgumentException">The facts carry no inspected grade.</exception>
    public TriageDecision DecideAtInspection(TriageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Grade is null)
        {
            throw new ArgumentException("An inspected unit has a grade.", nameof(facts));
        }

        var first = Rules.FirstOrDefault(r => r.Action != TriageAction.KeepIt && r.When.Matches(facts));
        return first is null ? TriageDecision.NoRuleMatched : TriageDecision.ByRule(first);
    }

    private static void ValidateRule(TriageRule rule, List<string> errors)
    {
        var label = $"Rule '{rule.Name}'";
        if (Identifier.Validate(rule.Name, "A rule name") is { } nameError)
        {
            errors.Add($"{label}: {nameError}");
        }

        if (!Enum.IsDefined(rule.Action))
        {
            errors.Add($"{label}: unknown action {(int)rule.Action}.");
        }

        var when = rule.When;
        if (when is null)
        {
            errors.Add($"{label}: conditions are required (use TriageConditions.Always to match everything).");
            return;
        }

        if (when.MinDaysSinceDelivery < 0 || when.MaxDaysSinceDelivery < 0)
        {
            errors.Add($"{label}: days since delivery cannot be negative.");
        }

        if (when.MinDaysSinceDelivery > when.MaxDaysSinceDelivery)
        {
            errors.Add($"{label}: {TriageRuleParser.MinDaysSinceDelivery} {when.MinDaysSinceDelivery} is above {TriageRuleParser.MaxDaysSinceDelivery} {when.MaxDaysSinceDelivery}; no unit can match.");
        }

        if (when.MinUnitValue < 0 || when.MaxUnitValue < 0)
        {
            errors.Add($"{label}: unit value bounds cannot be negative.");
        }

        if (when.MinUnitValue > when.MaxUnitValue)
        {
            errors.Add($"{label}: {TriageRuleParser.MinUnitValue} {when.MinUnitValue} is above {TriageRuleParser.MaxUnitValue} {when.MaxUnitValue}; no unit can match.");
        }

        if (when.CustomerReturns is { } returns && (returns.WithinDays < 1 || returns.AtLeast < 1))
        {
            errors.Add($"{label}: {TriageRuleParser.CustomerReturnsWithinDays} and {TriageRuleParser.MinCustomerReturns} are at least 1.");
        }

        if (when.Reasons is { Count: 0 } || when.Grades is { Count: 0 } || when.Categories is { Count: 0 })
        {
            errors.Add($"{label}: a reason, grade or category list is empty; no unit can match (leave the condition out to match all).");
        }

        if (when.Categories?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add($"{label}: a category name is empty.");
        }

        if (rule.Action == TriageAction.Reject)
        {
            errors.Add($"{label}: Reject is a reviewer's decision, not a rule's; send doubtful units to ManualReview.");
        }

        if (rule.Action == TriageAction.KeepIt && when.Grades is not null)
        {
            errors.Add($"{label}: a KeepIt rule is decided at intake, before inspection, so it cannot have a grade condition.");
        }
    }

    private static IEnumerable<TriageRule> DefaultRules() =>
    [
        new("serial-returner", 10, new() { CustomerReturns = new CustomerReturnsCondition(WithinDays: 90, AtLeast: 5) }, TriageAction.ManualReview),
        new("high-value", 20, new() { MinUnitValue = 500m }, TriageAction.ManualReview),
        new("keep-it-low-value", 30, new() { ShippingCostExceedsValue = true }, TriageAction.KeepIt),
        new("defective-under-warranty", 40, new() { Grades = Set(ConditionGrade.C), WarrantyActive = true }, TriageAction.ReturnToVendor),
        new("defective-out-of-warranty", 50, new() { Grades = Set(ConditionGrade.C) }, TriageAction.Scrap),
        new("damaged", 60, new() { Grades = Set(ConditionGrade.D) }, TriageAction.Scrap),
        new("sealed-restock", 70, new() { Grades = Set(ConditionGrade.A) }, TriageAction.Restock),
        new("opened-open-box", 80, new() { Grades = Set(ConditionGrade.B) }, TriageAction.Refurbish),
    ];

    private static HashSet<ConditionGrade> Set(params ConditionGrade[] grades) => [.. grades];
}
