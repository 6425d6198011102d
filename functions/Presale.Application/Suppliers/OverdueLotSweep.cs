using System.Globalization;
using Microsoft.Extensions.Logging;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;

namespace Presale.Application.Suppliers;

/// <summary>
/// Re-plans lots that silently overran their ETA. A lot whose ETA (a shop-local date) is before the shop's today while
/// units are still outstanding and the lot is not cancelled gets a <b>system-estimated</b> ETA of today +
/// <see cref="SuppliersOptions.OverdueLotGraceDays"/>, recorded in its ETA history (so the supplier view and the
/// scorecard show it), and a reconcile message for each SKU with outstanding units — so reconciliation marks the
/// orders waiting on it delayed and the delay-consent flow tells their customers before the promise passes, even when
/// the supplier never writes.
/// </summary>
/// <remarks>
/// Lots are found through <see cref="LotEtaIndex"/>: per registered supplier, one paged row-key range of its partition
/// (no table scan). Each lot is revised in one entity-group transaction — the lot row under the ETag read, the index
/// row of the new ETA, removal of the index row that led here, and one outbox row (id derived from the lot and the
/// overrun ETA) — so two sweeps racing on one lot revise it once: the loser's transaction fails on the lot's ETag and
/// its re-read finds the lot no longer overdue. Index rows that no longer match their lot (the ETA moved, the lot was
/// received or cancelled) are removed when met.
/// </remarks>
public sealed partial class OverdueLotSweep(
    ITableStore store,
    OrdersOptions orders,
    SuppliersOptions suppliers,
    ShopSettingsStore shops,
    SupplyChangedOutbox outbox,
    TimeProvider timeProvider,
    ILogger<OverdueLotSweep> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Revises every overdue lot; returns how many were revised by this run.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            // No shop, no shop-local today and no lots (registration needs the shop).
            return 0;
        }

        await store.CreateTableIfNotExistsAsync(orders.LotsTable, cancellationToken).ConfigureAwait(false);
        await store.CreateTableIfNotExistsAsync(suppliers.SuppliersTable, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var today = shop.LocalDate(now);
        var revised = 0;
        foreach (var supplierId in await RegisteredSuppliers.ListAsync(store, suppliers, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in store.QueryAllAsync(orders.LotsTable, LotEtaIndex.DueBefore(supplierId, today), suppliers.OverdueSweepPageSize, cancellationToken).ConfigureAwait(false))
            {
                if (await ReviseAsync(supplierId, row, today, now, cancellationToken).ConfigureAwait(false))
                {
                    revised++;
                }
            }
        }

        return revised;
    }

    /// <summary>
    /// The system revision of <paramref name="lot"/> as of <paramref name="today"/>, or null when the lot is not overdue:
    /// it is open (not cancelled, registration finished), its ETA is before today and some line still expects units.
    /// </summary>
    public static LotView? Revision(LotView lot, DateOnly today, int graceDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (!IsOverdue(lot, today))
        {
            return null;
        }

        var eta = today.AddDays(graceDays);
        var reason = $"overdue: no full receipt by {lot.Eta.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and no word from the supplier; estimated {graceDays} days from {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return lot with { Eta = eta, EtaHistory = [.. lot.EtaHistory, new EtaChangeView(eta, now, reason, SystemEstimated: true)] };
    }

    private static bool IsOverdue(LotView lot, DateOnly today) =>
        lot.Status == LotRows.Open && lot.Eta < today && lot.Lines.Any(Outstanding);

    private static bool Outstanding(LotLineView line) => line.Received + line.Cancelled < line.Quantity;

    private async Task<bool> ReviseAsync(string supplierId, TableEntity indexRow, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (lotId, indexedEta) = LotEtaIndex.Read(indexRow);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await store.GetAsync(orders.LotsTable, supplierId, lotId, cancellationToken).ConfigureAwait(false);
            var lot = row?.GetString("PurchaseOrderReference") is not null ? LotRows.Read(row!) : null;
            if (lot is null || lot.Status != LotRows.Registering && (lot.Eta != indexedEta || !IsOverdue(lot, today)))
            {
                // The row led nowhere: the lot's ETA moved on, or it was received in full or cancelled.
                await DropAsync(supplierId, indexRow, cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (Revision(lot, today, suppliers.OverdueLotGraceDays, now) is not { } revised)
            {
                return false;
            }

            var skus = lot.Lines.Where(Outstanding).Select(l => l.Sku).ToList();
            var message = SupplyChangedOutbox.Message(supplierId, $"overdue|{lot.LotId}|{lot.Eta.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", lot.LotId, skus, now);
            var operations = new List<TableOperation>
            {
                TableOperation.Replace(LotRows.Entity(revised, row!.GetString("RequestHash") ?? string.Empty).With("LastReceivedOn", row.GetString("LastReceivedOn")), row.ETag),
                LotEtaIndex.Upsert(supplierId, lot.LotId, revised.Eta),
                TableOperation.Delete(supplierId, indexRow.RowKey, indexRow.ETag),
                TableOperation.Insert(OutboxRows.Entity(supplierId, message)),
            };
            var result = await store.SubmitTransactionAsync(orders.LotsTable, operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                LogRevised(logger, supplierId, lot.LotId, lot.Eta, revised.Eta, skus.Count);
                await outbox.TryPublishAsync(supplierId, message, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (result.FailureStatus is not (WriteStatus.PreconditionFailed or WriteStatus.NotFound or WriteStatus.AlreadyExists))
            {
                throw new InvalidOperationException($"Revising overdue lot {supplierId}/{lot.LotId} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
            }

            // Another sweep or a supplier event changed the lot, or the index row is gone: judge it again from fresh state.
        }

        throw new InvalidOperationException($"Revising overdue lot {supplierId}/{lotId} met a concurrent change on each of {MaxAttempts} attempts.");
    }

    private async Task DropAsync(string supplierId, TableEntity indexRow, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(orders.LotsTable, supplierId, indexRow.RowKey, indexRow.ETag, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status is not (WriteStatus.NotFound or WriteStatus.PreconditionFailed))
        {
            throw new InvalidOperationException($"Removing index row {supplierId}/{indexRow.RowKey} failed with {deleted.Status}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lot {SupplierId}/{LotId} overran its ETA {Eta} without full receipt or word from the supplier; ETA estimated as {Revised}, {Skus} SKUs re-planned.")]
    private static partial void LogRevised(ILogger logger, string supplierId, string lotId, DateOnly eta, DateOnly revised, int skus);
}
