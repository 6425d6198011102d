using System.Text;
using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// Just enough of Bicep's lexical structure to read the conventional templates in infra-bicep/ without a compiler:
/// comments, single-quoted strings (with <c>\'</c> escapes and <c>'''</c> blocks), and balanced <c>{}</c>/<c>[]</c>/<c>()</c>.
/// </summary>
internal static class BicepText
{
    /// <summary>The text with // and /* */ comments replaced by spaces (string contents kept).</summary>
    public static string StripComments(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (StartsAt(text, i, "'''"))
            {
                var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 3;
                result.Append(text, i, end - i);
                i = end;
            }
            else if (text[i] == '\'')
            {
                var end = EndOfString(text, i);
                result.Append(text, i, end - i);
                i = end;
            }
            else if (StartsAt(text, i, "//"))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (StartsAt(text, i, "/*"))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                result.Append(' ');
                i = end;
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>The bracketed block starting at <paramref name="open"/> (which must be '{', '[' or '('), brackets included.</summary>
    public static string Block(string text, int open)
    {
        var depth = 0;
        var i = open;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                i = EndOfString(text, i);
                continue;
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
                if (depth == 0)
                {
                    return text.Substring(open, i - open + 1);
                }
            }

            i++;
        }

        throw new FormatException($"Unbalanced bracket opened at offset {open}.");
    }

    /// <summary>
    /// The value of <c>var <paramref name="name"/> = ...</c>: a whole bracketed block or call, or the rest of the line.
    /// Null when the file declares no such variable.
    /// </summary>
    public static string? Variable(string text, string name)
    {
        var match = Regex.Match(text, $@"^\s*var\s+{Regex.Escape(name)}\s*=\s*", RegexOptions.Multiline);
        if (!match.Success)
        {
            return null;
        }

        var start = match.Index + match.Length;
        var bracket = text.IndexOfAny(['{', '[', '(', '\n'], start);
        if (bracket >= 0 && text[bracket] != '\n')
        {
            var block = Block(text, bracket);
            return text[start..bracket] + block;
        }

        var lineEnd = text.IndexOf('\n', start);
        return (lineEnd < 0 ? text[start..] : text[start..lineEnd]).Trim();
    }

    /// <summary>The top-level <c>key: value</c> entries of an object block <c>{ ... }</c>, keys unquoted, values raw.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ObjectEntries(string objectBlock)
    {
        var inner = Inner(objectBlock, '{', '}');
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var item in TopLevelItems(inner))
        {
            var match = Regex.Match(item, @"^\s*(?:'(?<key>[^']*)'|(?<key>[A-Za-z_][A-Za-z0-9_]*))\s*:\s*(?<value>.*)$", RegexOptions.Singleline);
            if (!match.Success)
            {
                throw new FormatException($"Not a 'key: value' entry: {item.Trim()}");
            }

            entries.Add(new(match.Groups["key"].Value, match.Groups["value"].Value.Trim()));
        }

        return entries;
    }

    /// <summary>The object blocks that are items of an array block <c>[ {...} {...} ]</c>.</summary>
    public static IReadOnlyList<string> ArrayObjects(string arrayBlock)
    {
        var inner = Inner(arrayBlock, '[', ']');
        return [.. TopLevelItems(inner).Select(item => item.Trim()).Where(item => item.StartsWith('{'))];
    }

    /// <summary>A single-quoted literal without its quotes, or null when <paramref name="value"/> is not a plain literal.</summary>
    public static string? Literal(string value)
    {
        var match = Regex.Match(value.Trim(), @"^'((?:[^'\\$]|\\.)*)'$");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Items separated by newlines at the top nesting level (an item may span lines inside brackets).</summary>
    private static IEnumerable<string> TopLevelItems(string inner)
    {
        var depth = 0;
        var current = new StringBuilder();
        var i = 0;
        while (i < inner.Length)
        {
            var c = inner[i];
            if (c == '\'')
            {
                var end = EndOfString(inner, i);
                current.Append(inner, i, end - i);
                i = end;
                continue;
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
            }

            if (c == '\n' && depth == 0)
            {
                if (!string.IsNullOrWhiteSpace(current.ToString()))
                {
                    yield return current.ToString();
                }

                current.Clear();
            }
            else
            {
                current.Append(c);
            }

            i++;
        }

        if (!string.IsNullOrWhiteSpace(current.ToString()))
        {
            yield return current.ToString();
        }
    }

    private static string Inner(string block, char open, char close)
    {
        var trimmed = block.Trim();
        if (trimmed.Length < 2 || trimmed[0] != open || trimmed[^1] != close)
        {
            throw new FormatException($"Expected a block in {open}{close}: {trimmed}");
        }

        return trimmed[1..^1];
    }

    private static int EndOfString(string text, int quote)
    {
        if (StartsAt(text, quote, "'''"))
        {
            var end = text.IndexOf("'''", quote + 3, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 3;
        }

        var i = quote + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == '\'')
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    private static bool StartsAt(string text, int index, string value) =>
        string.CompareOrdinal(text, index, value, 0, value.Length) == 0;
}
