namespace Presale.Domain.Reconciliation;

/// <summary><paramref name="Quantity"/> units of one order line backed by <paramref name="Source"/>.</summary>
/// <param name="Source">Where the units come from.</param>
/// <param name="Quantity">How many units (positive).</param>
public readonly record struct Peg(SupplySource Source, int Quantity)
{
    /// <inheritdoc />
    public override string ToString() => $"{Quantity}@{Source}";
}
