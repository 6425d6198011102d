using Presale.Application.Common;
using Presale.Application.Notifications;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Cancels what of a confirmed order has not shipped: the cancellation, its refund due (the full price of the units not
/// shipped: pre-sale terms), a saga marker, the reconcile message and the customer's "cancelled and refunded" notice are
/// written in one transaction; then the reservations (the units not shipped) are released at once and the marker
/// removed. If the request dies after the first step, the saga sweeper releases them when the marker is due. Shipped
/// units stay shipped: a shipment still taking its stock is settled first, and an order whose every unit has shipped
/// is not cancelled (the customer returns instead).
/// </summary>
public sealed class CancelOrderHandler(
    OrderRepository orders,
    OrderSaga saga,
    ShipmentSaga shipments,
    OutboxPublisher outbox,
    ShopSettingsStore shops,
    OrdersOptions options,
    NotificationsOptions notifications,
    RandomSource random,
    TimeProvider timeProvider)
{
    /// <summary>The most characters a cancellation reason may have.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Cancels <paramref name="orderId"/> at the customer's request, and tells the customer (cancelled and refunded).</summary>
    public Task<CancelOrderResult> CancelAsync(string orderId, CancelOrderRequest? request, CancellationToken cancellationToken) =>
        CancelAsync(orderId, request, CancellationCause.CustomerRequest, cancellationToken);

    /// <summary>
    /// Cancels <paramref name="orderId"/> for a caller that tells the customer itself, with its own cause (the
    /// delay-consent flow writes its "cancelled and refunded" notice with its own state); no notice is written here.
    /// </summary>
    public Task<CancelOrderResult> CancelWithoutNoticeAsync(string orderId, CancelOrderRequest? request, CancellationToken cancellationToken) =>
        CancelAsync(orderId, request, cause: null, cancellationToken);

    private async Task<CancelOrderResult> CancelAsync(string orderId, CancelOrderRequest? request, CancellationCause? cause, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason;
        if (reason is { Length: > MaxReasonLength })
        {
            return new CancelOrderResult.Invalid(FieldErrors.Single("reason", $"A reason has at most {MaxReasonLength} characters."));
        }

        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new CancelOrderResult.NotFound();
            }

            if (stored.Order.Status == OrderStatus.Confirmed && stored.SagaMarker is not null)
            {
                // A shipment is taking or giving back its stock: settle it, so what has shipped is known and stays shipped.
                stored = await shipments.FinishAsync(stored, cancellationToken).ConfigureAwait(false);
            }

            var now = timeProvider.GetUtcNow();
            switch (stored.Order.Cancel(reason, now))
            {
                case CancellationOutcome.NotCancellable:
                    return new CancelOrderResult.NotCancellable(stored.Order.Status);
                case CancellationOutcome.FullyShipped:
                    return new CancelOrderResult.FullyShipped(OrderView.From(stored.Order));
                case CancellationOutcome.AlreadyCancelled:
                    if (stored.SagaMarker is { } pending)
                    {
                        // An earlier cancellation did not finish releasing: finish it now.
                        await saga.FinishAsync(stored.Partition, orderId, pending, cancellationToken).ConfigureAwait(false);
                    }

                    return new CancelOrderResult.Cancelled(OrderView.From(stored.Order), AlreadyCancelled: true);
            }

            List<OutboxMessage> messages = [PlaceOrderHandler.Message(stored.Order, OrderEventMessage.Cancelled, now)];
            if (cause is { } told)
            {
                var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The shop is not configured (PUT /api/shop): its time zone and locale are needed for the notice.");
                messages.Add(OrderNotices.CancelledAndRefunded(stored.Order, shop, notifications, told, now));
            }

            var due = now + options.ReleaseRetryDelay;

            // From the cancelling write on, the request's token is not passed: a write abandoned mid-flight has an
            // outcome nobody knows, and the release should not stop half-way because the caller went away.
            var none = CancellationToken.None;
            if (!await orders.TryCancelAsync(stored, due, messages, none).ConfigureAwait(false))
            {
                continue;
            }

            await saga.ReleaseLinesAsync(stored.Order, none).ConfigureAwait(false);
            await orders.FinishSagaAsync(stored.Partition, orderId, OrderRows.Saga(due, orderId), none).ConfigureAwait(false);
            foreach (var message in messages)
            {
                await outbox.TryPublishAsync(stored.Partition, message, none).ConfigureAwait(false);
            }

            return new CancelOrderResult.Cancelled(OrderView.From(stored.Order), AlreadyCancelled: false);
        }
    }
}
