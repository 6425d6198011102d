namespace Presale.Domain.Returns.Triage;

/// <summary>Who or what made a triage decision.</summary>
public enum DecisionSource
{
    /// <summary>A configured rule fired; its name is on the decision.</summary>
    Rule = 0,

    /// <summary>No rule matched, so the unit went to manual review.</summary>
    NoRuleMatched = 1,

    /// <summary>A reviewer decided from the manual review queue.</summary>
    Reviewer = 2,
}
