using Presale.Application.Notifications;
using Presale.Domain.Notifications;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The integration event that is exactly a customer notification: order confirmed, delayed, compensation issued, ready
/// to ship, cancelled and refunded, return decided. Its key is the notification's de-duplication key (the webhook's
/// <c>Idempotency-Key</c>), so a shop consuming both can join them. The event carries the structured facts only: no
/// rendered text, no locale, and no one-click links (their signed tokens act for the customer and stay with the
/// notification). An "at risk" notice has no event: nothing has changed yet (<c>supplier.lot-at-risk</c> is the
/// systems' early warning).
/// </summary>
public static class NotificationEvents
{
    /// <summary>The event of <paramref name="message"/>, or null for a kind that has none.</summary>
    /// <exception cref="FormatException">The notification lacks a field its kind requires.</exception>
    public static IntegrationEvent? From(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var n = message.Notification;
        var at = message.CreatedAt;
        var order = Routing(n);
        return n.Kind switch
        {
            NotificationKind.OrderConfirmed => IntegrationEvent.Create(
                IntegrationEventTypes.OrderConfirmed, n.DeduplicationKey, at, n.OrderId,
                new OrderConfirmedData(n.OrderId, n.CustomerId, Require(n.PromisedDate, n, "promisedDate")),
                order),
            NotificationKind.Delayed => IntegrationEvent.Create(
                IntegrationEventTypes.OrderDelayed, n.DeduplicationKey, at, n.OrderId,
                new OrderDelayedData(
                    n.OrderId,
                    n.CustomerId,
                    Require(n.DelayNumber, n, "delayNumber"),
                    Require(n.PromisedDate, n, "promisedDate"),
                    Require(n.RevisedDate, n, "revisedDate"),
                    n.Links.Any(l => l.Rel == NotificationLink.CancelOrder),
                    n.ConsentRequired,
                    n.ConsentRequired ? Require(n.ConsentDeadline, n, "consentDeadline") : null),
                new Dictionary<string, object>(order, StringComparer.Ordinal) { [IntegrationEventProperties.ConsentRequired] = n.ConsentRequired }),
            NotificationKind.CompensationIssued => IntegrationEvent.Create(
                IntegrationEventTypes.CompensationIssued, n.DeduplicationKey, at, n.OrderId,
                new CompensationIssuedData(
                    n.OrderId,
                    n.CustomerId,
                    Require(n.CompensationTier, n, "compensationTier"),
                    Require(n.CompensationKind, n, "compensationKind"),
                    EventMoney.From(n.Amount ?? throw Missing(n, "amount"))),
                order),
            NotificationKind.ReadyToShip => IntegrationEvent.Create(
                IntegrationEventTypes.OrderReadyToShip, n.DeduplicationKey, at, n.OrderId,
                new OrderReadyToShipData(n.OrderId, n.CustomerId, Require(n.ReadyDate, n, "readyDate")),
                order),
            NotificationKind.CancelledAndRefunded => IntegrationEvent.Create(
                IntegrationEventTypes.OrderCancelled, n.DeduplicationKey, at, n.OrderId,
                new OrderCancelledData(n.OrderId, n.CustomerId, Require(n.CancellationCause, n, "cancellationCause"), EventMoney.From(n.Amount ?? throw Missing(n, "amount"))),
                order),
            NotificationKind.ReturnDecided => ReturnDecided(n, at, order),
            _ => null,
        };
    }

    private static IntegrationEvent ReturnDecided(Notification n, DateTimeOffset at, Dictionary<string, object> order)
    {
        var returnId = n.ReturnId ?? throw Missing(n, "returnId");
        return IntegrationEvent.Create(
            IntegrationEventTypes.ReturnDecided, n.DeduplicationKey, at, returnId,
            new ReturnDecidedData(returnId, n.OrderId, n.CustomerId, Require(n.ReturnDecision, n, "returnDecision"), n.Amount is { } amount ? EventMoney.From(amount) : null),
            new Dictionary<string, object>(order, StringComparer.Ordinal) { [IntegrationEventProperties.ReturnId] = returnId });
    }

    private static Dictionary<string, object> Routing(Notification n) => new(StringComparer.Ordinal)
    {
        [IntegrationEventProperties.CustomerId] = n.CustomerId,
        [IntegrationEventProperties.OrderId] = n.OrderId,
    };

    private static T Require<T>(T? value, Notification n, string field)
        where T : struct => value ?? throw Missing(n, field);

    private static FormatException Missing(Notification n, string field) =>
        new($"Notification {n.DeduplicationKey} ({NotificationMessageSerializer.KindName(n.Kind)}) has no {field}; its integration event needs it.");
}
