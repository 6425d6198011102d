using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>What is known about one purchase-order line when a statement is computed.</summary>
/// <param name="PurchaseOrderId">The order.</param>
/// <param name="LineNumber">The line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="UnitCost">The line's unit cost.</param>
/// <param name="OrderedQuantity">Units ordered: at most these are paid.</param>
/// <param name="CommittedQuantity">Units the supplier first accepted (0 if it never accepted the line).</param>
/// <param name="Window">The first and last on-time days; null when the line was never accepted and is measured against its first acknowledged date.</param>
/// <param name="Rates">The chargeback rates the order was placed under.</param>
/// <param name="Deliveries">Every delivery recorded for the line (those after a statement's period are left out by the calculator).</param>
/// <param name="CancelledUnits">Units the supplier cut from the line since accepting it, as known now.</param>
/// <param name="Closed">True when the line expects nothing more: everything accepted was received or cancelled, or the line was never accepted and was rejected.</param>
public sealed record SettlementLineFacts(
    PurchaseOrderId PurchaseOrderId,
    int LineNumber,
    Sku Sku,
    Money UnitCost,
    int OrderedQuantity,
    int CommittedQuantity,
    (DateOnly From, DateOnly To)? Window,
    ChargebackRates Rates,
    IReadOnlyList<Delivery> Deliveries,
    int CancelledUnits,
    bool Closed);
