using Presale.Application.Supply;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Finishes what a placement, cancellation or shipment left undone: a pending order past its time is abandoned, an
/// order that is not confirmed gets every line's reservation released (idempotently) before its saga marker is
/// removed, and a confirmed order's shipments still taking or giving back their stock are settled
/// (<see cref="ShipmentSaga"/>).
/// </summary>
public sealed class OrderSaga(OrderRepository orders, SupplyStore supply, ShipmentSaga shipments, TimeProvider timeProvider)
{
    /// <summary>Releases every line's reservation of <paramref name="order"/> (lines that hold none are skipped).</summary>
    public async Task ReleaseLinesAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (var line in order.Lines)
        {
            await supply.ReleaseAsync(line.Sku, order.Id, line.LineNumber, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Brings the order behind saga marker <paramref name="marker"/> of <paramref name="partition"/> to rest; returns
    /// its final status (null when no such order exists, in which case only the marker is removed).
    /// </summary>
    public async Task<OrderStatus?> FinishAsync(string partition, string orderId, string marker, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                await orders.FinishSagaAsync(partition, orderId, marker, cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (stored.Order.Status == OrderStatus.Pending)
            {
                stored.Order.Abandon(timeProvider.GetUtcNow());
                if (!await orders.TryAbandonAsync(stored, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
            }

            if (stored.Order.Status == OrderStatus.Confirmed)
            {
                // Only shipments give a confirmed order a marker; settling them removes it under the order's ETag (a
                // blind clear could drop the marker of a shipment recorded meanwhile). A marker row the order no
                // longer names is removed on its own.
                var settled = await shipments.FinishAsync(stored, cancellationToken).ConfigureAwait(false);
                if (settled.Order.Status != OrderStatus.Confirmed)
                {
                    continue;
                }

                if (settled.SagaMarker != marker)
                {
                    await orders.RemoveSagaMarkerRowAsync(partition, marker, cancellationToken).ConfigureAwait(false);
                }

                return OrderStatus.Confirmed;
            }

            await ReleaseLinesAsync(stored.Order, cancellationToken).ConfigureAwait(false);
            await orders.FinishSagaAsync(partition, orderId, marker, cancellationToken).ConfigureAwait(false);
            return stored.Order.Status;
        }
    }
}
