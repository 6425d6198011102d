using Presale.Domain.Purchasing;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The data of <c>purchase-order.created</c> and <c>purchase-order.acknowledged</c> (schemas
/// <c>docs/events/purchase-order.created.v1.schema.json</c>, <c>…acknowledged…</c>): the order as it stands after the
/// change, compact enough that an order of 100 lines fits one outbox row; consumers read the whole order
/// (<c>GET /api/suppliers/{supplierId}/purchase-orders/{purchaseOrderId}</c>) when they need more.
/// </summary>
/// <param name="PurchaseOrderId">The shop's purchase-order number (unique per supplier).</param>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Status">Where the order stands with the supplier.</param>
/// <param name="OrderedValue">The lines' cost as ordered, rounded to minor units.</param>
/// <param name="RequestedDeliveryDate">The earliest requested line date (shop-local).</param>
/// <param name="Origin"><c>manual</c> or <c>suggestion</c>.</param>
/// <param name="SuggestionId">The replenishment suggestion it was made from.</param>
/// <param name="AcknowledgementEventId">For <c>purchase-order.acknowledged</c>: the supplier's event id.</param>
/// <param name="SupplierTimestamp">For <c>purchase-order.acknowledged</c>: when the supplier issued it.</param>
/// <param name="Lines">The lines.</param>
public sealed record PurchaseOrderEventData(
    string PurchaseOrderId,
    string SupplierId,
    PurchaseOrderStatus Status,
    EventMoney OrderedValue,
    DateOnly RequestedDeliveryDate,
    PurchaseOrderOrigin Origin,
    string? SuggestionId,
    string? AcknowledgementEventId,
    DateTimeOffset? SupplierTimestamp,
    IReadOnlyList<PurchaseOrderLineEventData> Lines);
