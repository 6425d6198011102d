namespace Presale.Application.Storage;

/// <summary>The rules Table Storage sets for PartitionKey and RowKey values, checked before any request is made.</summary>
public static class TableKey
{
    /// <summary>The longest key Table Storage accepts (1 KiB of UTF-16 text).</summary>
    public const int MaxLength = 512;

    /// <summary>Null when <paramref name="key"/> is a valid key; otherwise why it is not.</summary>
    public static string? Validate(string? key)
    {
        if (key is null)
        {
            return "a key cannot be null";
        }

        if (key.Length > MaxLength)
        {
            return $"a key has at most {MaxLength} characters (1 KiB)";
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?')
            {
                return $"a key may not contain '{c}'";
            }

            if (c is <= '\u001F' or (>= '\u007F' and <= '\u009F'))
            {
                return $"a key may not contain the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when it is not valid.</summary>
    public static void EnsureValid(string? key, string name)
    {
        if (Validate(key) is { } error)
        {
            throw new ArgumentException($"{name} '{key}' is not a valid Table Storage key: {error}.", name);
        }
    }
}
