using Presale.Domain.Compensation;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Compensation;

/// <summary>
/// Maps a stored order to what delay compensation assesses (<see cref="LateOrder"/>), counting what reconciliation and
/// fulfilment recorded: a line that reconciliation marked <see cref="PromiseStatus.ReadyToShip"/> is set aside on the
/// shop-local date of that plan (<see cref="LineTracking.PlannedAt"/>), and shipped units count from their shipment's
/// <see cref="Shipment.ShippedOn"/>.
/// </summary>
/// <remarks>
/// <para>When every line is ready or fully shipped, the order became ready on the latest of those dates
/// (<see cref="LateOrder.ReadyToShipDate"/>): on or before the promise it was never late; after it, the tiers reached
/// by then stay due, paid on the units that were not yet ready or shipped when the promise passed.</para>
/// <para>Otherwise the order is still waiting, and only the units neither ready nor shipped are late
/// (<see cref="LateOrderLine.ShippedQuantity"/> holds the rest).</para>
/// </remarks>
public static class LateOrderMapping
{
    /// <summary>
    /// The order as compensation sees it, counted from <paramref name="promised"/> (the promise made at checkout), with
    /// dates taken in the shop's <paramref name="zone"/>.
    /// </summary>
    public static LateOrder From(Order order, DateOnly promised, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(zone);
        var readyOn = order.Lines.Select(l => LineReadyOn(order, l, zone)).ToList();
        DateOnly? orderReady = readyOn.All(d => d is not null) ? readyOn.Max() : null;
        var lines = order.Lines.Select(l => new LateOrderLine(
            l.Sku,
            l.Quantity,
            l.UnitPrice,
            orderReady is null ? SetAsideBy(order, l, zone, null) : SetAsideBy(order, l, zone, promised))).ToList();
        return new LateOrder(order.Id, order.CustomerId, lines, promised, orderReady, cancelled: order.Status == OrderStatus.Cancelled);
    }

    /// <summary>The shop-local date the whole line was ready or shipped, or null while any unit still waits.</summary>
    private static DateOnly? LineReadyOn(Order order, OrderLine line, TimeZoneInfo zone)
    {
        DateOnly? ready = line.Tracking is { Status: PromiseStatus.ReadyToShip } tracking ? ShopCalendar.DateAt(tracking.PlannedAt, zone) : null;
        DateOnly? shipped = null;
        var units = 0;
        foreach (var shipment in order.Shipments.Where(s => s.QuantityOf(line.Sku) > 0).OrderBy(s => s.ShippedOn))
        {
            units += shipment.QuantityOf(line.Sku);
            if (units >= line.Quantity)
            {
                shipped = shipment.ShippedOn;
                break;
            }
        }

        return (ready, shipped) switch
        {
            ({ } r, { } s) => r < s ? r : s,
            ({ } r, null) => r,
            (null, var s) => s,
        };
    }

    /// <summary>Units of the line ready or shipped on or before <paramref name="by"/> (null: as of now).</summary>
    private static int SetAsideBy(Order order, OrderLine line, TimeZoneInfo zone, DateOnly? by)
    {
        if (line.Tracking is { Status: PromiseStatus.ReadyToShip } tracking && (by is null || ShopCalendar.DateAt(tracking.PlannedAt, zone) <= by))
        {
            return line.Quantity;
        }

        var shipped = order.Shipments.Where(s => by is null || s.ShippedOn <= by).Sum(s => s.QuantityOf(line.Sku));
        return Math.Min(shipped, line.Quantity);
    }
}
