namespace Presale.Application.Orders;

/// <summary>
/// The saga sweeper's work: every saga marker that is due (a placement past <see cref="OrdersOptions.PendingTimeout"/>,
/// a cancellation whose release did not finish) is brought to rest by <see cref="OrderSaga"/>. It reads the marker
/// row range of each order partition: no table scan.
/// </summary>
public sealed class OrderSagaSweep(OrderRepository orders, OrderSaga saga, TimeProvider timeProvider)
{
    /// <summary>Finishes every due saga; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var finished = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            foreach (var (marker, orderId) in await orders.DueSagaMarkersAsync(partition, now, cancellationToken).ConfigureAwait(false))
            {
                await saga.FinishAsync(partition, orderId, marker, cancellationToken).ConfigureAwait(false);
                finished++;
            }
        }

        return finished;
    }
}
