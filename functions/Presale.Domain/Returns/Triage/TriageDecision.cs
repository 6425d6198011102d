namespace Presale.Domain.Returns.Triage;

/// <summary>A decision about one unit and what it was based on.</summary>
/// <param name="Action">What happens to the unit.</param>
/// <param name="Source">Whether a rule, the no-match fallback or a reviewer decided.</param>
/// <param name="RuleName">The rule that fired, when <paramref name="Source"/> is <see cref="DecisionSource.Rule"/>.</param>
/// <param name="Reviewer">Who decided, when <paramref name="Source"/> is <see cref="DecisionSource.Reviewer"/>.</param>
/// <param name="Note">A reviewer's note, if any.</param>
public sealed record TriageDecision(TriageAction Action, DecisionSource Source, string? RuleName, string? Reviewer, string? Note)
{
    /// <summary>A final disposition (anything but <see cref="TriageAction.ManualReview"/>).</summary>
    public bool IsFinal => Action != TriageAction.ManualReview;

    /// <summary>The decision <paramref name="rule"/> makes.</summary>
    public static TriageDecision ByRule(TriageRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Action, DecisionSource.Rule, rule.Name, null, null);
    }

    /// <summary>The fallback when no rule matches: manual review.</summary>
    public static TriageDecision NoRuleMatched { get; } = new(TriageAction.ManualReview, DecisionSource.NoRuleMatched, null, null, null);

    /// <summary>A reviewer's decision from the manual review queue.</summary>
    public static TriageDecision ByReviewer(TriageAction action, string reviewer, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return new(action, DecisionSource.Reviewer, null, reviewer, note);
    }

    /// <summary>A short account for people: "rule 'damaged'", "no rule matched", "reviewer ana".</summary>
    public string Basis => Source switch
    {
        DecisionSource.Rule => $"rule '{RuleName}'",
        DecisionSource.NoRuleMatched => "no rule matched",
        DecisionSource.Reviewer => $"reviewer {Reviewer}",
        _ => Source.ToString(),
    };
}
