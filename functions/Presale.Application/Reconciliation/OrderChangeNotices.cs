using Presale.Application.DelayConsent;
using Presale.Application.Notifications;
using Presale.Application.Outbox;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Reconciliation;

/// <summary>
/// The customer notice a re-planned order line calls for, as the outbox message written in the same transaction as the
/// order: ready to ship (newly fully on hand), at risk (no date), delayed (a date past the promise, through the
/// delay-consent service with the right to cancel) — and nothing for back on track, which has no notification kind.
/// </summary>
/// <remarks>
/// Notices are keyed deterministically (ready to ship: per order; at risk: per promised date; delayed: per delay, by the
/// delay-consent service), so a repeated run composes the same key and the notification pipeline keeps one. A delay the
/// delay-consent flow refuses with nothing announced before (e.g. not after the promise in force) is a value: the order
/// is tracked and nothing is sent (the service logs it).
/// </remarks>
public sealed class OrderChangeNotices(NotificationsOptions notifications, IDelayConsentService delayConsent)
{
    private readonly NotificationComposer _composer = new();

    /// <summary>
    /// The outbox message (to <see cref="NotificationsOptions.Queue"/>, correlated with the order) telling the customer
    /// of <paramref name="change"/> to <paramref name="line"/> of <paramref name="order"/>, or null when it calls for none.
    /// Compose it before the line records the change: it reads the promise in force.
    /// </summary>
    public async Task<OutboxMessage?> ComposeAsync(OrderChange change, Order order, OrderLine line, NotificationContext context, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(line);
        if (await NotificationAsync(change, order, line, context, today, cancellationToken).ConfigureAwait(false) is not { } notification)
        {
            return null;
        }

        var outbound = NotificationMessage.From(notification, now).ToOutboundMessage(order.Id);
        return new OutboxMessage(outbound.MessageId, outbound.Subject ?? string.Empty, outbound.Body, outbound.CorrelationId, now, notifications.Queue);
    }

    private async Task<Notification?> NotificationAsync(OrderChange change, Order order, OrderLine line, NotificationContext context, DateOnly today, CancellationToken cancellationToken)
    {
        if (change.Notification is not { } notice || (notice.PromiseDate ?? line.Promise?.PromisedOn) is not { } promise)
        {
            return null;
        }

        return notice.Kind switch
        {
            PromiseNotificationKind.AtRisk => _composer.AtRisk(context, order.Id, order.CustomerId, promise),
            // A delay the flow refuses with nothing announced before is tracked silently (the service logs it).
            PromiseNotificationKind.Delayed when notice.Estimate is { } revised =>
                (await delayConsent.TryRecordDelayAsync(new DelayedOrder(order.Id, order.CustomerId, promise), revised, cancellationToken).ConfigureAwait(false)).Notice,
            PromiseNotificationKind.ReadyToShip => _composer.ReadyToShip(context, order.Id, order.CustomerId, today),

            // No customer notification kind exists for "back on track": the change is recorded on the order silently.
            _ => null,
        };
    }
}
