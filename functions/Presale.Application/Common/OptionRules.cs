namespace Presale.Application.Common;

/// <summary>Shape checks shared by options validators.</summary>
public static class OptionRules
{
    /// <summary>True for a Table Storage table name: 3–63 letters or digits, starting with a letter.</summary>
    public static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
