using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// The message the reconcile queue receives when an order is confirmed, cancelled or ships. It names what changed; the
/// consumer re-reads state rather than applying it as a delta, so duplicates and reordering are harmless.
/// </summary>
/// <param name="Type"><c>order.confirmed</c>, <c>order.cancelled</c> or <c>order.shipped</c>.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Status">Its status when the message was written.</param>
/// <param name="Skus">The SKUs whose supply plan it affects.</param>
/// <param name="OccurredAt">When the change happened.</param>
public sealed record OrderEventMessage(string Type, string OrderId, OrderStatus Status, IReadOnlyList<string> Skus, DateTimeOffset OccurredAt)
{
    /// <summary>The type of a confirmation.</summary>
    public const string Confirmed = "order.confirmed";

    /// <summary>The type of a cancellation.</summary>
    public const string Cancelled = "order.cancelled";

    /// <summary>The type of a shipment whose units left the stock (it names the shipment's SKUs).</summary>
    public const string Shipped = "order.shipped";
}
