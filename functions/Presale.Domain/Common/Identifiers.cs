namespace Presale.Domain.Common;

/// <summary>Rules shared by Presale's string identifiers (order, customer, supplier, lot, return ids).</summary>
public static class Identifier
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// Null when <paramref name="value"/> is a valid identifier: 1–100 characters, none of them a control character or
    /// one of '/', '\\', '#', '?' (which Table Storage keys forbid); otherwise the reason.
    /// </summary>
    public static string? Validate(string? value, string what) => value switch
    {
        null or "" => $"{what} is required.",
        { Length: > MaxLength } => $"{what} has at most {MaxLength} characters.",
        _ when value.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?') =>
            $"{what} may not contain control characters or '/', '\\', '#', '?'.",
        _ when value.Trim().Length != value.Length => $"{what} may not start or end with spaces.",
        _ => null,
    };
}
