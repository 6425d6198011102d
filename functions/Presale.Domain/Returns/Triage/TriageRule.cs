namespace Presale.Domain.Returns.Triage;

/// <summary>One condition → action rule. Lower <see cref="Priority"/> is tried first.</summary>
/// <param name="Name">Unique name, recorded on every decision the rule makes.</param>
/// <param name="Priority">Unique position; lower runs first.</param>
/// <param name="When">The conditions that must all hold.</param>
/// <param name="Action">What to do with a unit the rule matches.</param>
public sealed record TriageRule(string Name, int Priority, TriageConditions When, TriageAction Action)
{
    /// <summary>
    /// True when the rule can be judged at intake, before the unit is inspected: it does not look at the grade.
    /// </summary>
    public bool ApplicableAtIntake => When.Grades is null;
}
