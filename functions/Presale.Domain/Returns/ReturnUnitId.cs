using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>
/// One physical unit of a return: the SKU of its line and its 1-based ordinal within that line. Its text form
/// <c>SKU:ordinal</c> is unambiguous because a SKU cannot contain ':'.
/// </summary>
public readonly record struct ReturnUnitId
{
    /// <summary>Creates a unit id; <paramref name="ordinal"/> is 1-based.</summary>
    public ReturnUnitId(Sku sku, int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        Sku = sku;
        Ordinal = ordinal;
    }

    /// <summary>The SKU of the unit's line.</summary>
    public Sku Sku { get; }

    /// <summary>The unit's 1-based position within its line.</summary>
    public int Ordinal { get; }

    /// <summary>Parses the text form <c>SKU:ordinal</c>, or returns false with the reason.</summary>
    public static bool TryParse(string? value, out ReturnUnitId unitId, out string? error)
    {
        unitId = default;
        var separator = value?.LastIndexOf(':') ?? -1;
        if (value is null || separator <= 0)
        {
            error = "A unit id has the form 'SKU:ordinal'.";
            return false;
        }

        if (!Sku.TryParse(value[..separator], out var sku, out error))
        {
            return false;
        }

        if (!int.TryParse(value[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) || ordinal < 1)
        {
            error = "A unit id's ordinal is a whole number from 1.";
            return false;
        }

        unitId = new ReturnUnitId(sku, ordinal);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sku.Value}:{Ordinal}");
}
