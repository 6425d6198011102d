using Presale.Domain.Common;

namespace Presale.Domain.Returns.Refunds;

/// <summary>The refund for one return line: unit price × units, minus restocking fees.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Units">Units refunded.</param>
/// <param name="UnitPrice">The price paid per unit.</param>
/// <param name="Gross">Unit price × units.</param>
/// <param name="RestockingFee">The sum of the unit fees.</param>
/// <param name="Net">Gross minus fees.</param>
/// <param name="Fees">The fee per unit, with the rule that set it.</param>
public sealed record RefundLine(Sku Sku, int Units, Money UnitPrice, Money Gross, Money RestockingFee, Money Net, IReadOnlyList<RestockingFeeCharge> Fees);
