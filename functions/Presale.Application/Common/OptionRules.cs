namespace Presale.Application.Common;

/// <summary>Shape checks shared by options validators: table names and NCRONTAB schedules.</summary>
public static class OptionRules
{
    /// <summary>True for a Table Storage table name: 3–63 letters or digits, starting with a letter.</summary>
    public static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// True for the shape of an NCRONTAB schedule as the Functions timer trigger reads it: six space-separated fields
    /// (seconds, minutes, hours, day of month, month, day of week) of digits, names, <c>* , - /</c>. The values
    /// themselves are checked by the timer's own parser when the functions start.
    /// </summary>
    public static bool IsSchedule(string? schedule)
    {
        var fields = schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: 6 } && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or ',' or '-' or '/' or '?'));
    }
}
