namespace Presale.Domain.Returns.Triage;

/// <summary>
/// A rule as written in configuration (section <c>Presale:Returns:Rules:{n}</c>): plain strings so that
/// unknown actions and condition names can be reported instead of silently ignored. Condition names (the keys of
/// <see cref="When"/>, case-insensitive) are listed in <see cref="TriageRuleParser.ConditionNames"/>.
/// </summary>
public sealed class TriageRuleDefinition
{
    /// <summary>Unique rule name. Required.</summary>
    public string? Name { get; set; }

    /// <summary>Unique priority; lower is tried first. Required.</summary>
    public int? Priority { get; set; }

    /// <summary>One of the <see cref="TriageAction"/> names except <see cref="TriageAction.Reject"/> (a reviewer's only). Required.</summary>
    public string? Action { get; set; }

    /// <summary>
    /// Condition name → value. Lists are comma-separated ("C,D"); numbers use '.' as decimal point; flags are
    /// "true"/"false". No conditions: the rule matches every unit.
    /// </summary>
    public IDictionary<string, string?> When { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
