namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The integration events Presale publishes, by their <see cref="IntegrationEvent.Type"/> (also the Service Bus
/// <c>Subject</c>). Each has a versioned JSON schema in <c>docs/events/</c>.
/// </summary>
public static class IntegrationEventTypes
{
    /// <summary>An order was placed and confirmed with its promised date.</summary>
    public const string OrderConfirmed = "order.confirmed";

    /// <summary>An order's promise moved: the revised date, the right to cancel, and whether consent is required.</summary>
    public const string OrderDelayed = "order.delayed";

    /// <summary>Delay compensation (a coupon or store credit) was issued for an order.</summary>
    public const string CompensationIssued = "compensation.issued";

    /// <summary>Every line of an order has its goods: it can be shipped.</summary>
    public const string OrderReadyToShip = "order.ready-to-ship";

    /// <summary>An order was cancelled, with the refund due.</summary>
    public const string OrderCancelled = "order.cancelled";

    /// <summary>Returned units arrived and were inspected.</summary>
    public const string ReturnReceived = "return.received";

    /// <summary>A return was decided: refund, replacement, store credit, or rejected.</summary>
    public const string ReturnDecided = "return.decided";

    /// <summary>A lot's ETA slipped past the dates promised to the customers whose orders wait on it.</summary>
    public const string SupplierLotAtRisk = "supplier.lot-at-risk";

    /// <summary>A purchase order was sent to a supplier.</summary>
    public const string PurchaseOrderCreated = "purchase-order.created";

    /// <summary>A supplier's signed acknowledgement of a purchase order was applied: lines accepted (quantity, ETA) or rejected.</summary>
    public const string PurchaseOrderAcknowledged = "purchase-order.acknowledged";

    /// <summary>A supplier's settlement statement for a period was closed: the payable and its due date are final.</summary>
    public const string SupplierStatementClosed = "supplier-statement.closed";

    /// <summary>An alert was raised for operators (a purchase order nobody acknowledged, a late lot another supplier could beat).</summary>
    public const string AlertRaised = "alert.raised";

    /// <summary>An open alert was cleared: its condition is resolved.</summary>
    public const string AlertCleared = "alert.cleared";

    /// <summary>An instalment of an order can be charged now: a balance whose line is ready to ship, an on-ship amount whose line shipped.</summary>
    public const string PaymentDue = "payment.due";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrderConfirmed, OrderDelayed, CompensationIssued, OrderReadyToShip, OrderCancelled, PaymentDue, ReturnReceived, ReturnDecided, SupplierLotAtRisk,
        PurchaseOrderCreated, PurchaseOrderAcknowledged, SupplierStatementClosed, AlertRaised, AlertCleared,
    ];
}
