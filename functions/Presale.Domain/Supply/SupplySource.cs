namespace Presale.Domain.Supply;

/// <summary>
/// Which supply backs a unit: on hand, one supplier's lot, or the pre-sale cap. <see cref="Key"/> is its stable text form
/// (<c>onhand</c>, <c>cap</c>, <c>short</c>, <c>lot/{supplierId}/{lotId}</c>); identifiers never contain '/', so the key is unambiguous.
/// </summary>
public readonly record struct SupplySource
{
    private const string OnHandKey = "onhand";
    private const string CapKey = "cap";
    private const string ShortfallKey = "short";
    private const string LotPrefix = "lot/";

    private SupplySource(SupplyKind kind, string? supplierId, string? lotId)
    {
        Kind = kind;
        SupplierId = supplierId;
        LotId = lotId;
    }

    /// <summary>Goods on hand.</summary>
    public static SupplySource OnHand { get; } = new(SupplyKind.OnHand, null, null);

    /// <summary>The pre-sale cap.</summary>
    public static SupplySource Cap { get; } = new(SupplyKind.Cap, null, null);

    /// <summary>Reservations left without supply (see <see cref="SupplyKind.Shortfall"/>).</summary>
    public static SupplySource Shortfall { get; } = new(SupplyKind.Shortfall, null, null);

    /// <summary>The kind of supply.</summary>
    public SupplyKind Kind { get; }

    /// <summary>The supplier of a lot; null otherwise.</summary>
    public string? SupplierId { get; }

    /// <summary>The lot id; null otherwise.</summary>
    public string? LotId { get; }

    /// <summary>The stable text form used in storage.</summary>
    public string Key => Kind switch
    {
        SupplyKind.OnHand => OnHandKey,
        SupplyKind.Cap => CapKey,
        SupplyKind.Shortfall => ShortfallKey,
        _ => LotPrefix + SupplierId + "/" + LotId,
    };

    /// <summary>A supplier's lot.</summary>
    public static SupplySource Lot(string supplierId, string lotId)
    {
        ArgumentException.ThrowIfNullOrEmpty(supplierId);
        ArgumentException.ThrowIfNullOrEmpty(lotId);
        if (supplierId.Contains('/', StringComparison.Ordinal) || lotId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("Supplier and lot ids never contain '/'.", nameof(lotId));
        }

        return new SupplySource(SupplyKind.Lot, supplierId, lotId);
    }

    /// <summary>Parses <see cref="Key"/>.</summary>
    public static SupplySource FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == OnHandKey)
        {
            return OnHand;
        }

        if (key == CapKey)
        {
            return Cap;
        }

        if (key == ShortfallKey)
        {
            return Shortfall;
        }

        var parts = key.Split('/');
        return parts is ["lot", var supplier, var lot]
            ? Lot(supplier, lot)
            : throw new FormatException($"'{key}' is not a supply key.");
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
