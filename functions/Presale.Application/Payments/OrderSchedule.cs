using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Payments;
using Presale.Domain.Reconciliation;
using Presale.Domain.Shop;

namespace Presale.Application.Payments;

/// <summary>
/// The payment schedule of an order as it stands, and how far each line has come: one derivation for the payments
/// routes and for the <c>payment.due</c> events, so what the payment system is asked to charge is what the route shows.
/// </summary>
public static class OrderSchedule
{
    /// <summary>
    /// The schedule of <paramref name="order"/>: every line on <paramref name="plan"/>, its later instalment due on the
    /// line's current estimate (else its promise), the order day in the shop's time zone. Only a confirmed (or since
    /// cancelled) order has one.
    /// </summary>
    public static PaymentSchedule Of(Order order, ShopSettings? shop, PaymentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(plan);
        var orderedOn = shop?.LocalDate(order.PlacedAt) ?? DateOnly.FromDateTime(order.PlacedAt.UtcDateTime);
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.Cancelled))
        {
            return PaymentSchedule.Plan(orderedOn, [], Money.Zero(order.Currency));
        }

        return PaymentSchedule.Plan(
            orderedOn,
            [.. order.Lines.Select(l => new ScheduledLine(l.LineNumber, l.Quantity, l.Total, plan, l.Tracking?.Estimate ?? l.Promise?.PromisedOn ?? orderedOn))],
            order.ShippingCharge);
    }

    /// <summary>How far line <paramref name="lineNumber"/> of <paramref name="order"/> has come: shipped, ready to ship, or waiting.</summary>
    public static LineProgress Progress(Order order, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(order);
        var line = order.Lines.First(l => l.LineNumber == lineNumber);
        return order.QuantityShipped(line.Sku) > 0 ? LineProgress.Shipped
            : line.Tracking?.Status == PromiseStatus.ReadyToShip ? LineProgress.ReadyToShip
            : LineProgress.Waiting;
    }
}
