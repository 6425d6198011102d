using FluentValidation.Results;

namespace Presale.Application.Suppliers;

/// <summary>Validation errors keyed by the JSON field they concern (<c>contact.email</c>).</summary>
internal static class SupplierFieldErrors
{
    /// <summary>The errors of a FluentValidation result, grouped by JSON path.</summary>
    public static IReadOnlyDictionary<string, string[]> From(ValidationResult result) =>
        result.Errors
            .GroupBy(e => ToJsonPath(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static string ToJsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
