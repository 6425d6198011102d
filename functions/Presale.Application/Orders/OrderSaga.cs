using Presale.Application.Supply;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Finishes what a placement or cancellation left undone: a pending order past its time is abandoned, and an order
/// that is not confirmed gets every line's reservation released (idempotently) before its saga marker is removed.
/// </summary>
public sealed class OrderSaga(OrderRepository orders, SupplyStore supply, TimeProvider timeProvider)
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

            if (stored.Order.Status != OrderStatus.Confirmed)
            {
                await ReleaseLinesAsync(stored.Order, cancellationToken).ConfigureAwait(false);
            }

            await orders.FinishSagaAsync(partition, orderId, marker, cancellationToken).ConfigureAwait(false);
            return stored.Order.Status;
        }
    }
}
