namespace Presale.Domain.Common;

/// <summary>
/// A stock-keeping unit code: 1–64 characters of letters, digits, '-', '_' and '.', compared case-sensitively.
/// The restriction keeps a SKU usable as a Table Storage key and in URLs without escaping.
/// </summary>
public readonly record struct Sku
{
    /// <summary>The longest SKU accepted.</summary>
    public const int MaxLength = 64;

    private Sku(string value) => Value = value;

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Parses a SKU, or returns false with the reason.</summary>
    public static bool TryParse(string? value, out Sku sku, out string? error)
    {
        sku = default;
        error = value switch
        {
            null or "" => "A SKU is required.",
            { Length: > MaxLength } => $"A SKU has at most {MaxLength} characters.",
            _ when !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') =>
                "A SKU may hold only letters, digits, '-', '_' and '.'.",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        sku = new Sku(value!);
        return true;
    }

    /// <summary>Parses a SKU known to be valid; throws otherwise.</summary>
    public static Sku From(string value) =>
        TryParse(value, out var sku, out var error) ? sku : throw new ArgumentException(error, nameof(value));

    /// <inheritdoc />
    public override string ToString() => Value;
}
