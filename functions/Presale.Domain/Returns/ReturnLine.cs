using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>An eligible line of a return, with the order facts copied at intake so triage never needs the order again.</summary>
/// <param name="Sku">The SKU returned.</param>
/// <param name="Category">The SKU's catalogue category.</param>
/// <param name="Quantity">Units returned on this line (one <see cref="ReturnUnit"/> each).</param>
/// <param name="UnitPrice">The price paid per unit.</param>
/// <param name="DeliveredOn">The shop-local delivery date.</param>
/// <param name="SupplierId">The supplier, for claims.</param>
/// <param name="WarrantyUntil">The last day of the supplier's warranty, if any.</param>
/// <param name="Reason">The customer's reason.</param>
/// <param name="StatedCondition">The condition the customer stated, if any.</param>
public sealed record ReturnLine(
    Sku Sku,
    string Category,
    int Quantity,
    Money UnitPrice,
    DateOnly DeliveredOn,
    string SupplierId,
    DateOnly? WarrantyUntil,
    ReturnReason Reason,
    ConditionGrade? StatedCondition)
{
    /// <summary>The ids of the line's units, ordinals 1 to <see cref="Quantity"/>.</summary>
    public IEnumerable<ReturnUnitId> UnitIds => Enumerable.Range(1, Quantity).Select(n => new ReturnUnitId(Sku, n));

    /// <summary>True when the supplier's warranty covers the line on <paramref name="today"/>.</summary>
    public bool WarrantyActiveOn(DateOnly today) => WarrantyUntil is { } until && today <= until;
}
