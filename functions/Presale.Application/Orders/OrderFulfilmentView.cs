using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>What has shipped and arrived of an order, per line and per shipment.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The order's status.</param>
/// <param name="Lines">Per line: ordered, shipped and delivered units, and the last delivery day.</param>
/// <param name="Shipments">The shipments, in the order they were recorded.</param>
public sealed record OrderFulfilmentView(string OrderId, OrderStatus Status, IReadOnlyList<FulfilmentLineView> Lines, IReadOnlyList<ShipmentView> Shipments)
{
    /// <summary>The view of <paramref name="order"/>.</summary>
    public static OrderFulfilmentView From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderFulfilmentView(
            order.Id,
            order.Status,
            [.. order.Lines.Select(l => new FulfilmentLineView(l.Sku.Value, l.Quantity, order.QuantityShipped(l.Sku), order.QuantityDelivered(l.Sku), order.DeliveredOn(l.Sku)))],
            [.. order.Shipments.Select(s => new ShipmentView(s.Id, [.. s.Lines.Select(l => new ShipmentLineRequest(l.Sku.Value, l.Quantity))], s.ShippedOn, s.DeliveredOn))]);
    }
}
