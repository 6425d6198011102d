using Presale.Application.Orders;
using Presale.Application.Storage;

namespace Presale.Application.Outbox;

/// <summary>
/// Publishes outbox messages that were written but not published (the request died or the broker failed), older than
/// <see cref="OrdersOptions.OutboxGrace"/>. It reads the outbox row range of each order partition: no table scan.
/// </summary>
public sealed class OutboxSweep(ITableStore store, OutboxPublisher publisher, OrdersOptions options, TimeProvider timeProvider)
{
    /// <summary>Publishes every due message; returns how many. A publish failure propagates (the timer retries next run).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(options.OrdersTable, cancellationToken).ConfigureAwait(false);
        var before = timeProvider.GetUtcNow() - options.OutboxGrace;
        var published = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            var filter = TableFilter.RowRange(partition, OutboxRows.Prefix, OutboxRows.UpperBound(before));
            await foreach (var row in store.QueryAllAsync(options.OrdersTable, filter, 100, cancellationToken).ConfigureAwait(false))
            {
                await publisher.PublishAsync(partition, row.RowKey, OutboxRows.Read(row), cancellationToken).ConfigureAwait(false);
                published++;
            }
        }

        return published;
    }
}
