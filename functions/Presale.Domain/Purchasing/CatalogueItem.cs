using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>
/// A SKU a supplier offers, at its agreed unit cost: what replenishment suggests buying from it, and the cost of a
/// returned unit whose purchase order is unknown.
/// </summary>
/// <param name="Sku">The SKU.</param>
/// <param name="UnitCost">The agreed cost per unit (up to <see cref="Purchasing.UnitCost.MaxDecimals"/> decimals).</param>
/// <param name="MinimumOrderQuantity">The fewest units the supplier takes on one line (≥ 1).</param>
/// <param name="PackSize">Units per case: order quantities are rounded up to whole cases (≥ 1).</param>
public sealed record CatalogueItem(Sku Sku, Money UnitCost, int MinimumOrderQuantity = 1, int PackSize = 1)
{
    /// <summary>The smallest orderable quantity of at least <paramref name="units"/>: the minimum, then whole cases.</summary>
    public int OrderQuantity(int units)
    {
        long wanted = Math.Max(Math.Max(units, MinimumOrderQuantity), 1);
        var pack = Math.Max(PackSize, 1);
        return (int)Math.Min(int.MaxValue, (wanted + pack - 1) / pack * pack);
    }
}
