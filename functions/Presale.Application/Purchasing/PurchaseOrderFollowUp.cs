using Presale.Application.Alerts;
using Presale.Application.Storage;
using Presale.Domain.Alerts;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// What follows an applied acknowledgement, outside its transaction: the order's unacknowledged alert is cleared once
/// every line is answered, and its lots are brought in line (<see cref="PurchaseOrderLotSync"/>); then the
/// acknowledgement's <c>sync|{purchaseOrderId}</c> marker, written in its transaction, is removed (under the version
/// that transaction wrote, so a newer acknowledgement's marker stays). A follow-up that fails leaves the marker for
/// <see cref="PurchaseOrderSweep"/>, which runs it again; every step is idempotent.
/// </summary>
public sealed class PurchaseOrderFollowUp(ITableStore store, PurchaseOrderStore orders, PurchaseOrderLotSync lots, AlertStore alerts, TimeProvider timeProvider)
{
    /// <summary>Follows up the acknowledgement of <paramref name="purchaseOrderId"/> whose marker has version <paramref name="marker"/>.</summary>
    public async Task RunAsync(string supplierId, string purchaseOrderId, ETag marker, CancellationToken cancellationToken)
    {
        if (await orders.GetAsync(supplierId, purchaseOrderId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            if (stored.Order.IsFullyAcknowledged)
            {
                await alerts.ClearAsync(AlertKey.Unacknowledged(supplierId, stored.Order.Id), "acknowledged", timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            await lots.SyncAsync(stored.Order, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await store.DeleteAsync(orders.Table, PurchasingRows.SupplierPartition(supplierId), PurchasingRows.LotSync(purchaseOrderId), marker, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status is not (WriteStatus.NotFound or WriteStatus.PreconditionFailed))
        {
            throw new InvalidOperationException($"Removing the lot-sync marker of purchase order {supplierId}/{purchaseOrderId} failed with {deleted.Status}.");
        }
    }

    /// <summary>The marker row an acknowledgement writes in its transaction.</summary>
    internal static TableOperation Marker(string supplierId, PurchaseOrderId purchaseOrderId, string eventId, DateTimeOffset at) =>
        TableOperation.UpsertReplace(new TableEntity(PurchasingRows.SupplierPartition(supplierId), PurchasingRows.LotSync(purchaseOrderId.Value), new Dictionary<string, object?>
        {
            ["PurchaseOrderId"] = purchaseOrderId.Value,
            ["EventId"] = eventId,
            ["WrittenAt"] = at,
        }));
}
