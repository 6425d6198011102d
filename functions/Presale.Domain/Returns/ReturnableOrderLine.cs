using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>One order line as a return sees it.</summary>
/// <param name="Sku">The SKU ordered.</param>
/// <param name="Category">The SKU's catalogue category (return windows and rules are set per category).</param>
/// <param name="QuantityDelivered">Units delivered to the customer.</param>
/// <param name="QuantityAlreadyReturned">Units already covered by earlier, not rejected or cancelled returns.</param>
/// <param name="UnitPrice">The price the customer paid per unit, after discounts.</param>
/// <param name="DeliveredOn">The shop-local date of delivery; null while undelivered.</param>
/// <param name="SupplierId">The supplier the unit was bought from (for supplier claims).</param>
/// <param name="WarrantyUntil">The last shop-local day of the supplier's warranty, or null when there is none.</param>
/// <param name="Returnable">False when the catalogue marks the product non-returnable (hygiene, personalised).</param>
public sealed record ReturnableOrderLine(
    Sku Sku,
    string Category,
    int QuantityDelivered,
    int QuantityAlreadyReturned,
    Money UnitPrice,
    DateOnly? DeliveredOn,
    string SupplierId,
    DateOnly? WarrantyUntil,
    bool Returnable)
{
    /// <summary>Units that can still be returned: delivered minus already returned, never negative.</summary>
    public int QuantityReturnable => Math.Max(0, QuantityDelivered - QuantityAlreadyReturned);
}
