using Presale.Domain.Common;

namespace Presale.Domain.Returns.Eligibility;

/// <summary>The shop's eligibility rules as data. Category names compare case-insensitively; SKUs exactly.</summary>
public sealed record ReturnEligibilityPolicy
{
    /// <summary>Days after delivery a line may be returned, unless its category says otherwise. Default 30.</summary>
    public int DefaultWindowDays { get; init; } = 30;

    /// <summary>Return windows per SKU category, in days after delivery. Default: none (all use the default).</summary>
    public IReadOnlyDictionary<string, int> WindowDaysByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Categories that can never be returned. Default: none.</summary>
    public IReadOnlySet<string> NonReturnableCategories { get; init; } = new HashSet<string>();

    /// <summary>SKUs that can never be returned. Default: none.</summary>
    public IReadOnlySet<Sku> NonReturnableSkus { get; init; } = new HashSet<Sku>();

    /// <summary>The window in days for <paramref name="category"/>.</summary>
    public int WindowDaysFor(string category) =>
        WindowDaysByCategory.FirstOrDefault(kv => string.Equals(kv.Key, category, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match
            ? match.Value
            : DefaultWindowDays;

    /// <summary>True when <paramref name="category"/> is excluded from returns.</summary>
    public bool IsCategoryNonReturnable(string category) =>
        NonReturnableCategories.Any(c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every problem with the policy, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DefaultWindowDays is < 0 or > 3650)
        {
            errors.Add($"DefaultWindowDays must be between 0 and 3650 days, not {DefaultWindowDays}.");
        }

        foreach (var (category, days) in WindowDaysByCategory)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                errors.Add("WindowDaysByCategory has an empty category name.");
            }

            if (days is < 0 or > 3650)
            {
                errors.Add($"WindowDaysByCategory:{category} must be between 0 and 3650 days, not {days}.");
            }

            if (IsCategoryNonReturnable(category))
            {
                errors.Add($"Category '{category}' has a return window but is also listed in NonReturnableCategories.");
            }
        }

        var duplicates = WindowDaysByCategory.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(g => $"WindowDaysByCategory lists category '{g.Key}' more than once (names ignore case)."));
        return errors;
    }
}
