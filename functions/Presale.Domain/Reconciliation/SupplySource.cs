namespace Presale.Domain.Reconciliation;

/// <summary>One source of supply: on hand, a named inbound lot, the pre-sale cap, or nothing (unsupplied).</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="LotId">The lot id when <paramref name="Kind"/> is <see cref="SupplySourceKind.Lot"/>; null otherwise.</param>
public readonly record struct SupplySource(SupplySourceKind Kind, string? LotId)
{
    /// <summary>Units on the shelf.</summary>
    public static SupplySource OnHand => new(SupplySourceKind.OnHand, null);

    /// <summary>The pre-sale cap.</summary>
    public static SupplySource PreSaleCap => new(SupplySourceKind.PreSaleCap, null);

    /// <summary>No supply at all.</summary>
    public static SupplySource Unsupplied => new(SupplySourceKind.Unsupplied, null);

    /// <summary>True for sources without a date (cap and unsupplied): demand pegged there is at risk.</summary>
    public bool IsUndated => Kind is SupplySourceKind.PreSaleCap or SupplySourceKind.Unsupplied;

    /// <summary>The inbound lot <paramref name="lotId"/>.</summary>
    public static SupplySource Lot(string lotId)
    {
        ArgumentException.ThrowIfNullOrEmpty(lotId);
        return new(SupplySourceKind.Lot, lotId);
    }

    /// <inheritdoc />
    public override string ToString() => Kind == SupplySourceKind.Lot ? $"Lot:{LotId}" : Kind.ToString();
}
