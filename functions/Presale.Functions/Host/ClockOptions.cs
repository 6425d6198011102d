using System.Globalization;
using System.Xml;

namespace Presale.Functions.Host;

/// <summary>The application clock (section <c>Presale:Clock</c>).</summary>
public sealed class ClockOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Clock";

    /// <summary>
    /// Standalone mode only: shifts the app's <see cref="TimeProvider"/> by this much, so a demo or an acceptance test
    /// can look at "ten days later". An ISO 8601 duration (<c>P10D</c>, <c>PT6H</c>, <c>-P1D</c>) or a .NET TimeSpan
    /// (<c>10.00:00:00</c>). Default none. Setting it under the Functions host fails start-up.
    /// </summary>
    public string? Offset { get; set; }

    /// <summary>Parses <paramref name="text"/>; false when it is set but malformed, zero when it is not set.</summary>
    public static bool TryParseOffset(string? text, out TimeSpan offset)
    {
        try
        {
            offset = ParseOffset(text) ?? TimeSpan.Zero;
            return true;
        }
        catch (FormatException)
        {
            // Reported with the setting's name by ClockOptionsValidator at start.
            offset = TimeSpan.Zero;
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/> as an ISO 8601 duration or a TimeSpan; null for none.</summary>
    /// <exception cref="FormatException">When the text is neither.</exception>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || trimmed.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return XmlConvert.ToTimeSpan(trimmed);
            }
            catch (FormatException exception)
            {
                throw new FormatException($"'{text}' is not an ISO 8601 duration such as P10D or PT6H.", exception);
            }
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"'{text}' is neither an ISO 8601 duration (P10D) nor a TimeSpan (10.00:00:00).");
    }
}
