using Presale.Application.Notifications;
using Presale.Application.Outbox;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Shop;

namespace Presale.Application.Orders;

/// <summary>
/// The customer notices the order use cases write to the orders outbox (in the order's partition, in the same
/// transaction as the state they announce) for the notifications queue: "order confirmed" with its promise, "cancelled
/// and refunded" with the refund. Message id = the notice's de-duplication key, so a republished row is delivered once.
/// </summary>
internal static class OrderNotices
{
    private static readonly NotificationComposer Composer = new();

    /// <summary>"Order confirmed", promising the latest of the lines' promise dates (when the whole order can ship).</summary>
    public static OutboxMessage Confirmed(Order order, ShopSettings shop, NotificationsOptions notifications, DateTimeOffset at)
    {
        var promised = order.Lines.Max(l => l.Promise?.PromisedOn)
            ?? throw new InvalidOperationException($"Order {order.Id} is confirmed without promises.");
        return ToOutbox(Composer.OrderConfirmed(Context(shop), order.Id, order.CustomerId, promised), notifications, at);
    }

    /// <summary>"Cancelled and refunded" with the order's refund due, for <paramref name="cause"/>.</summary>
    public static OutboxMessage CancelledAndRefunded(Order order, ShopSettings shop, NotificationsOptions notifications, CancellationCause cause, DateTimeOffset at)
    {
        var refund = order.RefundDue ?? throw new InvalidOperationException($"Order {order.Id} is cancelled without a refund due.");
        return ToOutbox(Composer.CancelledAndRefunded(Context(shop), order.Id, order.CustomerId, refund, cause), notifications, at);
    }

    private static NotificationContext Context(ShopSettings shop) => new(shop.Locale, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId));

    private static OutboxMessage ToOutbox(Notification notification, NotificationsOptions notifications, DateTimeOffset at)
    {
        var outbound = NotificationMessage.From(notification, at).ToOutboundMessage(notification.OrderId);
        return new OutboxMessage(outbound.MessageId, outbound.Subject ?? string.Empty, outbound.Body, outbound.CorrelationId, at, notifications.Queue);
    }
}
