using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// One line of money on a statement, with the rule that caused it. <see cref="Amount"/> is signed from the shop's
/// side: positive adds to what the shop pays the supplier, negative takes from it.
/// </summary>
/// <param name="Kind">Goods, chargeback, return credit or rebate.</param>
/// <param name="Rule">The rule that caused it.</param>
/// <param name="PurchaseOrderId">The purchase order, when the item concerns one.</param>
/// <param name="LineNumber">Its line, when the item concerns one.</param>
/// <param name="Sku">The SKU, when the item concerns one.</param>
/// <param name="ClaimId">The return claim, for a return credit.</param>
/// <param name="Units">Units the item is about (negative for a correction that takes units back); 0 for rebates.</param>
/// <param name="UnitCost">The unit cost the units are valued at; null for rebates and unpriced claims.</param>
/// <param name="Rate">The rate applied (chargebacks, rebates); null for goods and credits.</param>
/// <param name="Basis">What the rate was applied to (rebates: the statement's goods); null otherwise.</param>
/// <param name="Amount">The signed amount, rounded to minor units.</param>
/// <param name="Adjustment">True when it corrects an earlier, closed period (e.g. a receipt recorded after its period closed).</param>
/// <param name="Waived">True when a chargeback was assessed but waived (the amount is then 0).</param>
/// <param name="Description">What happened, in words.</param>
public sealed record StatementItem(
    StatementItemKind Kind,
    SettlementRule Rule,
    string? PurchaseOrderId,
    int? LineNumber,
    string? Sku,
    string? ClaimId,
    int Units,
    Money? UnitCost,
    decimal? Rate,
    Money? Basis,
    Money Amount,
    bool Adjustment,
    bool Waived,
    string Description);
