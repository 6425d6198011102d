using Presale.Domain.Suppliers;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// A supplier's settlement statement for one period: every item with the rule that caused it, the purchase-order lines
/// it touched with their on-time-in-full verdicts, per purchase order what it settles, the totals and when they are due.
/// </summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Period">The period's id (<c>2026-03</c>, <c>2026-W10</c>).</param>
/// <param name="PeriodStart">Its first day.</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="IssuedOn">The day after the period.</param>
/// <param name="DueDate">When the payable is due under the payment terms.</param>
/// <param name="PaymentTerms">The payment terms applied.</param>
/// <param name="Grade">The supplier's scorecard grade when the statement was computed; null without one.</param>
/// <param name="TrailingOnTimeRate">Its on-time-in-full rate then; null without measured lots.</param>
/// <param name="Lines">The purchase-order lines with items on the statement.</param>
/// <param name="Items">The items, purchase-order items first (by order and line), then return credits, then rebates.</param>
/// <param name="PurchaseOrders">Per purchase order with items, what the statement settles for it.</param>
/// <param name="Totals">The totals.</param>
public sealed record SupplierStatement(
    string SupplierId,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Currency,
    DateOnly IssuedOn,
    DateOnly DueDate,
    PaymentTerms PaymentTerms,
    SupplierGrade? Grade,
    double? TrailingOnTimeRate,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<StatementItem> Items,
    IReadOnlyList<PurchaseOrderSettlement> PurchaseOrders,
    StatementTotals Totals);
