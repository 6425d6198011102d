using Microsoft.Extensions.Logging;

namespace Presale.Application.Orders;

/// <summary>
/// The saga sweeper's work: every saga marker that is due (a placement past <see cref="OrdersOptions.PendingTimeout"/>,
/// a cancellation whose release did not finish) is brought to rest by <see cref="OrderSaga"/>. It reads the marker
/// row range of each order partition: no table scan. One saga (or partition) that fails is logged with its id and
/// skipped, so it cannot hold up the others; the run still ends in an exception naming how many failed.
/// </summary>
public sealed partial class OrderSagaSweep(OrderRepository orders, OrderSaga saga, TimeProvider timeProvider, ILogger<OrderSagaSweep> logger)
{
    /// <summary>Finishes every due saga; returns how many. Throws an <see cref="AggregateException"/> after the run if any failed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var finished = 0;
        var failures = new List<Exception>();
        foreach (var partition in OrderIds.Partitions)
        {
            IReadOnlyList<(string Marker, string OrderId)> due;
            try
            {
                due = await orders.DueSagaMarkersAsync(partition, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPartitionFailed(logger, error, partition);
                failures.Add(error);
                continue;
            }

            foreach (var (marker, orderId) in due)
            {
                try
                {
                    await saga.FinishAsync(partition, orderId, marker, cancellationToken).ConfigureAwait(false);
                    finished++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogSagaFailed(logger, error, orderId, marker);
                    failures.Add(error);
                }
            }
        }

        return failures.Count == 0
            ? finished
            : throw new AggregateException($"The order saga sweep finished {finished} sagas; {failures.Count} failed and are retried next run (logged with their order ids).", failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Finishing the saga of order {OrderId} (marker {Marker}) failed; the next sweep retries it.")]
    private static partial void LogSagaFailed(ILogger logger, Exception error, string orderId, string marker);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the due saga markers of order partition {Partition} failed; the next sweep retries it.")]
    private static partial void LogPartitionFailed(ILogger logger, Exception error, string partition);
}
