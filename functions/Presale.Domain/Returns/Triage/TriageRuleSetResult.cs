namespace Presale.Domain.Returns.Triage;

/// <summary>A validated rule set, or every problem found.</summary>
/// <param name="RuleSet">The rule set when valid; null otherwise.</param>
/// <param name="Errors">Every problem, each naming its rule; empty when valid.</param>
public sealed record TriageRuleSetResult(TriageRuleSet? RuleSet, IReadOnlyList<string> Errors)
{
    /// <summary>True when the rules are valid.</summary>
    public bool IsValid => RuleSet is not null;
}
