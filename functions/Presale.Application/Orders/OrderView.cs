using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>An order as the API shows it.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Status">Its status.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Tier">The customer's tier.</param>
/// <param name="NotificationContact">Where notifications go.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Lines">The lines with their promises.</param>
/// <param name="Total">The order total: the sum of the lines (goods only).</param>
/// <param name="ShippingCharge">What the customer paid for shipping, on top of the total (0 when nothing).</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="UpdatedAt">Its latest transition.</param>
/// <param name="RefundDue">The refund owed, after a cancellation.</param>
/// <param name="CancellationReason">Why it was cancelled.</param>
public sealed record OrderView(
    string OrderId,
    OrderStatus Status,
    string CustomerId,
    CustomerTier Tier,
    ContactView NotificationContact,
    string Currency,
    IReadOnlyList<OrderLineView> Lines,
    decimal Total,
    decimal ShippingCharge,
    DateTimeOffset PlacedAt,
    DateTimeOffset? UpdatedAt,
    decimal? RefundDue,
    string? CancellationReason)
{
    /// <summary>The view of <paramref name="order"/>.</summary>
    public static OrderView From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderView(
            order.Id,
            order.Status,
            order.CustomerId,
            order.Tier,
            new ContactView(order.Contact.Email, order.Contact.Phone),
            order.Currency,
            [.. order.Lines.Select(l => new OrderLineView(
                l.LineNumber,
                l.Sku.Value,
                l.Quantity,
                l.UnitPrice.Amount,
                l.Promise?.PromisedOn,
                l.Promise is { } p ? SupplySourceView.From(p.Source) : null,
                LineTrackingView.From(l.Tracking)))],
            order.Total.Amount,
            order.ShippingCharge.Amount,
            order.PlacedAt,
            order.UpdatedAt,
            order.RefundDue?.Amount,
            order.CancellationReason);
    }
}
