using Presale.Application.Outbox;

namespace Presale.Application.Purchasing;

/// <summary>
/// Publishes purchasing's outbox rows (integration events written in the supplier's partition of the purchasing
/// table, see <see cref="PurchasingEvents"/>) right after their change committed; a failed publish stays in the
/// outbox for <see cref="PurchaseOrderSweep"/>.
/// </summary>
public sealed class PurchasingOutbox(OutboxPublisher publisher, PurchasingOptions options)
{
    /// <summary>Publishes <paramref name="message"/> from <paramref name="supplierId"/>'s partition and deletes its row; false (logged) when it failed.</summary>
    public Task<bool> TryPublishAsync(string supplierId, OutboxMessage message, CancellationToken cancellationToken) =>
        publisher.TryPublishAsync(options.PurchasingTable, PurchasingRows.SupplierPartition(supplierId), message, cancellationToken);

    /// <summary>Publishes the row <paramref name="rowKey"/> of <paramref name="supplierId"/>'s partition and deletes it; throws when publishing fails.</summary>
    public Task PublishAsync(string supplierId, string rowKey, OutboxMessage message, CancellationToken cancellationToken) =>
        publisher.PublishAsync(options.PurchasingTable, PurchasingRows.SupplierPartition(supplierId), rowKey, message, cancellationToken);
}
