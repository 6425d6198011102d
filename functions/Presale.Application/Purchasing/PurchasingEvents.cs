using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Purchasing;

/// <summary>
/// The integration events purchasing writes to its outbox (partition <c>supplier|{id}</c> of the purchasing table) in
/// the same transaction as the change they announce: <c>purchase-order.created</c>,
/// <c>purchase-order.acknowledged</c>, <c>supplier-statement.closed</c>. Message ids are stable, so a row published
/// twice is one event to a broker with duplicate detection and to idempotent consumers
/// (<see cref="Common.IntegrationEventMessage"/>).
/// </summary>
internal static class PurchasingEvents
{
    public const string Created = "purchase-order.created";
    public const string Acknowledged = "purchase-order.acknowledged";
    public const string StatementClosed = "supplier-statement.closed";

    /// <summary>
    /// The body of a purchase-order event: the order's figures and per line what was ordered and answered (a few dozen
    /// bytes a line, so an order of 100 lines stays far below a queue message's 64 KiB and an outbox row's 32 Ki
    /// characters); consumers read the whole order from the API when they need it.
    /// </summary>
    public static object Summary(string type, PurchaseOrder order, DateTimeOffset at, string? eventId = null, DateTimeOffset? supplierTimestamp = null) => new
    {
        type,
        purchaseOrderId = order.Id.Value,
        order.SupplierId,
        status = order.Status,
        order.Currency,
        orderedValue = MoneyRounding.Round(order.OrderedValue).Amount,
        order.RequestedDeliveryDate,
        eventId,
        supplierTimestamp,
        lines = order.Lines.Select(l => new { l.LineNumber, sku = l.Sku.Value, l.Quantity, answer = l.Acknowledgement?.Answer, accepted = l.AcceptedQuantity, eta = l.Eta }),
        occurredAt = at,
    };
}
