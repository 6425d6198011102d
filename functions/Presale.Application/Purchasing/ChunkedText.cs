using System.Text;
using Presale.Application.Storage;

namespace Presale.Application.Purchasing;

/// <summary>
/// Text longer than one Table Storage string property (32 Ki characters) kept in numbered properties
/// <c>{name}00</c>, <c>{name}01</c>, … of one row (an entity holds up to 1 MiB).
/// </summary>
internal static class ChunkedText
{
    /// <summary>Characters per property, below Table Storage's 32,768.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>The most characters one row holds this way (16 properties, about 960 KB of UTF-16).</summary>
    public const int MaxLength = 16 * ChunkLength;

    /// <summary>Properties holding <paramref name="text"/> under <paramref name="name"/>.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Properties(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"{name} holds {text.Length} characters; a row holds at most {MaxLength}.", nameof(text));
        }

        for (int offset = 0, part = 0; offset < text.Length || part == 0; offset += ChunkLength, part++)
        {
            yield return new(Name(name, part), text.Substring(offset, Math.Min(ChunkLength, text.Length - offset)));
        }
    }

    /// <summary>The text stored under <paramref name="name"/> in <paramref name="entity"/>, or null.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetString(Name(name, 0)) is not { } first)
        {
            return null;
        }

        var text = new StringBuilder(first);
        for (var part = 1; entity.GetString(Name(name, part)) is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }

    private static string Name(string name, int part) => name + part.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
