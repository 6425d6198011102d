using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The events of purchasing and settlement, each written to the outbox of the supplier's partition of the purchasing
/// table in the transaction of the change it announces (<see cref="OutboxEventPublisher"/> publishes it):
/// <c>purchase-order.created</c>, <c>purchase-order.acknowledged</c> (an applied acknowledgement, never a duplicate or
/// stale one) and <c>supplier-statement.closed</c>. Routing: <c>supplierId</c>, and for purchase orders
/// <c>purchaseOrderId</c> and <c>skus</c> (<c>sku</c> when there is one).
/// </summary>
public static class PurchasingEvents
{
    /// <summary>The event of <paramref name="order"/> created at <paramref name="at"/>; key <c>po-created:{supplierId}:{purchaseOrderId}</c>.</summary>
    public static IntegrationEvent Created(PurchaseOrder order, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Order(IntegrationEventTypes.PurchaseOrderCreated, IntegrationEventKey.Of("po-created", order.SupplierId, order.Id.Value), order, null, null, at);
    }

    /// <summary>
    /// The event of acknowledgement <paramref name="eventId"/> applied to <paramref name="order"/> (as it stands after it);
    /// key <c>po-acknowledged:{supplierId}:{purchaseOrderId}:{eventId}</c>.
    /// </summary>
    public static IntegrationEvent Acknowledged(PurchaseOrder order, string eventId, DateTimeOffset supplierTimestamp, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return Order(
            IntegrationEventTypes.PurchaseOrderAcknowledged, IntegrationEventKey.Of("po-acknowledged", order.SupplierId, order.Id.Value, eventId), order, eventId, supplierTimestamp, at);
    }

    /// <summary>The event of <paramref name="statement"/> closed at <paramref name="at"/>; key <c>statement-closed:{supplierId}:{period}</c>.</summary>
    public static IntegrationEvent StatementClosed(SupplierStatement statement, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var totals = statement.Totals;
        return IntegrationEvent.Create(
            IntegrationEventTypes.SupplierStatementClosed,
            IntegrationEventKey.Of("statement-closed", statement.SupplierId, statement.Period),
            at,
            statement.SupplierId,
            new SupplierStatementClosedData(
                statement.SupplierId,
                statement.Period,
                statement.PeriodStart,
                statement.PeriodEnd,
                statement.IssuedOn,
                statement.DueDate,
                EventMoney.From(totals.Goods),
                EventMoney.From(totals.Chargebacks),
                EventMoney.From(totals.ReturnCredits),
                EventMoney.From(totals.Rebates),
                EventMoney.From(totals.Payable),
                statement.Items.Count),
            new Dictionary<string, object>(StringComparer.Ordinal) { [IntegrationEventProperties.SupplierId] = statement.SupplierId });
    }

    private static IntegrationEvent Order(string type, string key, PurchaseOrder order, string? eventId, DateTimeOffset? supplierTimestamp, DateTimeOffset at)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [IntegrationEventProperties.SupplierId] = order.SupplierId,
            [IntegrationEventProperties.PurchaseOrderId] = order.Id.Value,
        };
        IntegrationEventProperties.AddSkus(properties, order.Lines.Select(l => l.Sku.Value));
        return IntegrationEvent.Create(
            type,
            key,
            at,
            order.Id.Value,
            new PurchaseOrderEventData(
                order.Id.Value,
                order.SupplierId,
                order.Status,
                EventMoney.From(MoneyRounding.Round(order.OrderedValue)),
                order.RequestedDeliveryDate,
                order.Source.Origin,
                order.Source.Reference,
                eventId,
                supplierTimestamp,
                [.. order.Lines.Select(l => new PurchaseOrderLineEventData(
                    l.LineNumber, l.Sku.Value, l.Quantity, l.UnitCost.Amount, l.Acknowledgement?.Answer, l.AcceptedQuantity, l.Eta))]),
            properties);
    }
}
