namespace Presale.Domain.Returns.Refunds;

/// <summary>
/// A restocking fee as a percentage of the unit price, for units whose reason and inspected grade match. A null list
/// matches anything; a grade list never matches a unit that was not inspected (kept units).
/// </summary>
/// <param name="Name">Unique name, recorded on each fee charged.</param>
/// <param name="Reasons">The reasons the rule covers, or null for all.</param>
/// <param name="Grades">The inspected grades the rule covers, or null for all (inspected or not).</param>
/// <param name="FeePercent">The fee, 0–100 % of the unit price.</param>
public sealed record RestockingFeeRule(string Name, IReadOnlySet<ReturnReason>? Reasons, IReadOnlySet<ConditionGrade>? Grades, decimal FeePercent)
{
    /// <summary>True when the rule covers a unit returned for <paramref name="reason"/> in <paramref name="grade"/>.</summary>
    public bool Matches(ReturnReason reason, ConditionGrade? grade) =>
        (Reasons is null || Reasons.Contains(reason))
        && (Grades is null || (grade is { } g && Grades.Contains(g)));
}
