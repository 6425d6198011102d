using System.Globalization;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Refunds;

namespace Presale.Application.Returns;

/// <summary>One restocking-fee rule as configured (<c>Presale:Returns:RestockingFees:N</c>); enum values by name.</summary>
public sealed class RestockingFeeOptions
{
    /// <summary>The rule's name.</summary>
    public string? Name { get; set; }

    /// <summary>Reasons it applies to (names, e.g. <c>ChangedMind</c>); empty = every reason.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>Grades it applies to (<c>A</c>–<c>D</c>); empty = every grade.</summary>
    public List<string> Grades { get; set; } = [];

    /// <summary>The fee in percent of the unit price, 0–100.</summary>
    public decimal FeePercent { get; set; }

    /// <summary>Every problem with this rule.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Name is required.");
        }

        problems.AddRange(Reasons.Where(r => !Enum.TryParse<ReturnReason>(r, ignoreCase: true, out var v) || !Enum.IsDefined(v) || int.TryParse(r, out _))
            .Select(r => $"Reasons: '{r}' is not a return reason ({string.Join(", ", Enum.GetNames<ReturnReason>())})."));
        problems.AddRange(Grades.Where(g => !Enum.TryParse<ConditionGrade>(g, ignoreCase: true, out var v) || !Enum.IsDefined(v) || int.TryParse(g, out _))
            .Select(g => $"Grades: '{g}' is not a grade (A, B, C, D)."));
        if (FeePercent is < 0m or > 100m)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"FeePercent must be between 0 and 100, not {FeePercent}."));
        }

        return problems;
    }

    /// <summary>The domain rule (call after <see cref="Problems"/> found none).</summary>
    public RestockingFeeRule ToRule() => new(
        Name ?? string.Empty,
        Reasons.Count == 0 ? null : Reasons.Select(r => Enum.Parse<ReturnReason>(r, ignoreCase: true)).ToHashSet(),
        Grades.Count == 0 ? null : Grades.Select(g => Enum.Parse<ConditionGrade>(g, ignoreCase: true)).ToHashSet(),
        FeePercent);
}
