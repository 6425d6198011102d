using Presale.Application.Common;
using Presale.Application.Outbox;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Cancels a confirmed order: the cancellation, its refund due (the full price: pre-sale terms), a saga marker and the
/// outbox message are written in one transaction; then the reservations are released at once and the marker removed.
/// If the request dies after the first step, the saga sweeper releases them when the marker is due.
/// </summary>
public sealed class CancelOrderHandler(OrderRepository orders, OrderSaga saga, OutboxPublisher outbox, OrdersOptions options, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>The most characters a cancellation reason may have.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Cancels <paramref name="orderId"/>.</summary>
    public async Task<CancelOrderResult> CancelAsync(string orderId, CancelOrderRequest? request, CancellationToken cancellationToken)
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

            var now = timeProvider.GetUtcNow();
            switch (stored.Order.Cancel(reason, now))
            {
                case CancellationOutcome.NotCancellable:
                    return new CancelOrderResult.NotCancellable(stored.Order.Status);
                case CancellationOutcome.AlreadyCancelled:
                    if (stored.SagaMarker is { } pending)
                    {
                        // An earlier cancellation did not finish releasing: finish it now.
                        await saga.FinishAsync(stored.Partition, orderId, pending, cancellationToken).ConfigureAwait(false);
                    }

                    return new CancelOrderResult.Cancelled(OrderView.From(stored.Order), AlreadyCancelled: true);
            }

            var message = PlaceOrderHandler.Message(stored.Order, OrderEventMessage.Cancelled, now);
            var due = now + options.ReleaseRetryDelay;

            // From the cancelling write on, the request's token is not passed: a write abandoned mid-flight has an
            // outcome nobody knows, and the release should not stop half-way because the caller went away.
            var none = CancellationToken.None;
            if (!await orders.TryCancelAsync(stored, due, message, none).ConfigureAwait(false))
            {
                continue;
            }

            await saga.ReleaseLinesAsync(stored.Order, none).ConfigureAwait(false);
            await orders.FinishSagaAsync(stored.Partition, orderId, OrderRows.Saga(due, orderId), none).ConfigureAwait(false);
            await outbox.TryPublishAsync(stored.Partition, message, none).ConfigureAwait(false);
            return new CancelOrderResult.Cancelled(OrderView.From(stored.Order), AlreadyCancelled: false);
        }
    }
}
