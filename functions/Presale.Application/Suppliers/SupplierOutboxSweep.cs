using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// Publishes reconcile messages that supplier events wrote to the outbox (in the supplier's partition of the lots
/// table) but that were not published right after the commit. One range query per registered supplier: the supplier
/// registry lists the partitions, so nothing scans the lots table.
/// </summary>
public sealed class SupplierOutboxSweep(ITableStore store, SupplyChangedOutbox publisher, OrdersOptions orders, SuppliersOptions suppliers, TimeProvider timeProvider)
{
    /// <summary>Publishes every supplier outbox row older than the outbox grace (each fanned out per SKU); returns how many rows.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(orders.LotsTable, cancellationToken).ConfigureAwait(false);
        await store.CreateTableIfNotExistsAsync(suppliers.SuppliersTable, cancellationToken).ConfigureAwait(false);
        var before = timeProvider.GetUtcNow() - orders.OutboxGrace;
        var supplierIds = await RegisteredSuppliers.ListAsync(store, suppliers, cancellationToken).ConfigureAwait(false);

        var published = 0;
        foreach (var supplierId in supplierIds)
        {
            var filter = TableFilter.RowRange(supplierId, OutboxRows.Prefix, OutboxRows.UpperBound(before));
            await foreach (var row in store.QueryAllAsync(orders.LotsTable, filter, 100, cancellationToken).ConfigureAwait(false))
            {
                await publisher.PublishAsync(supplierId, row.RowKey, OutboxRows.Read(row), cancellationToken).ConfigureAwait(false);
                published++;
            }
        }

        return published;
    }
}
