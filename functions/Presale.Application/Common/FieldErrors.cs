using FluentValidation.Results;

namespace Presale.Application.Common;

/// <summary>Validation errors keyed by the field they concern (camelCase JSON path such as <c>lines[0].quantity</c>).</summary>
public static class FieldErrors
{
    /// <summary>The errors of a FluentValidation result, grouped by field.</summary>
    public static IReadOnlyDictionary<string, string[]> From(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors
            .GroupBy(e => ToJsonPath(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One error for one field.</summary>
    public static IReadOnlyDictionary<string, string[]> Single(string field, string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };

    /// <summary>Turns a C# property path (<c>Lines[0].UnitPrice</c>) into the JSON path the client sent (<c>lines[0].unitPrice</c>).</summary>
    public static string ToJsonPath(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        return string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }
}
