using Microsoft.Extensions.Logging;
using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Domain.Alerts;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// The purchase-order timer's use case (<c>SweepPurchaseOrders</c>). Per registered supplier, range queries of its
/// partition only (the supplier registry lists the partitions):
/// <list type="bullet">
/// <item>acknowledgement-due rows due by now: an order still waiting for answers raises its unacknowledged alert, and
/// the row is marked <c>Alerted</c> so later runs only check the order instead of raising again (the row stays until
/// the order is answered); an answered or vanished order's row is dropped and its alert cleared;</item>
/// <item>lot-sync markers older than <see cref="PurchasingOptions.FollowUpGrace"/>: the acknowledgement's follow-up is run
/// again (<see cref="PurchaseOrderFollowUp"/>);</item>
/// <item>event rows older than the same grace, which their request did not publish: published and removed
/// (<see cref="OutboxEventPublisher"/>).</item>
/// </list>
/// Then the alerts outbox, one partition, the same way (<see cref="AlertStore.PublishPendingAsync"/>).
/// One item failing is logged and counted; the others go on, and the failed one is retried by the next run.
/// </summary>
public sealed partial class PurchaseOrderSweep(
    ITableStore store,
    PurchaseOrderStore orders,
    PurchaseOrderFollowUp followUp,
    AlertStore alerts,
    OutboxEventPublisher events,
    SuppliersOptions suppliers,
    PurchasingOptions options,
    TimeProvider timeProvider,
    ILogger<PurchaseOrderSweep> logger)
{
    /// <summary>Runs the sweep once.</summary>
    public async Task<PurchaseOrderSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        await orders.EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        await store.CreateTableIfNotExistsAsync(suppliers.SuppliersTable, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        int alerted = 0, resolved = 0, followedUp = 0, published = 0, failed = 0;
        foreach (var supplierId in await RegisteredSuppliers.ListAsync(store, suppliers, cancellationToken).ConfigureAwait(false))
        {
            var partition = PurchasingRows.SupplierPartition(supplierId);
            var due = TableFilter.RowRange(partition, PurchasingRows.AcknowledgementDuePrefix, PurchasingRows.AcknowledgementDueBefore(now));
            await foreach (var row in store.QueryAllAsync(orders.Table, due, options.SweepPageSize, cancellationToken).ConfigureAwait(false))
            {
                switch (await IsolatedAsync(() => ReviewDueAsync(supplierId, row, now, cancellationToken), supplierId, row.RowKey).ConfigureAwait(false))
                {
                    case DueOutcome.Alerted: alerted++; break;
                    case DueOutcome.Resolved: resolved++; break;
                    case DueOutcome.Failed: failed++; break;
                }
            }

            var markers = TableFilter.RowPrefix(partition, PurchasingRows.LotSyncPrefix);
            await foreach (var row in store.QueryAllAsync(orders.Table, markers, options.SweepPageSize, cancellationToken).ConfigureAwait(false))
            {
                if (row.GetDateTimeOffset("WrittenAt") is { } written && now - written < options.FollowUpGrace)
                {
                    continue;
                }

                var outcome = await IsolatedAsync(
                    async () =>
                    {
                        await followUp.RunAsync(supplierId, PurchasingRows.PurchaseOrderIdOf(row.RowKey, PurchasingRows.LotSyncPrefix), row.ETag, cancellationToken).ConfigureAwait(false);
                        return DueOutcome.Resolved;
                    },
                    supplierId,
                    row.RowKey).ConfigureAwait(false);
                followedUp += outcome == DueOutcome.Resolved ? 1 : 0;
                failed += outcome == DueOutcome.Failed ? 1 : 0;
            }

            var (sent, unsent) = await events.SweepAsync(orders.Table, partition, now - options.FollowUpGrace, options.SweepPageSize, cancellationToken).ConfigureAwait(false);
            published += sent;
            failed += unsent;
        }

        var (alertsSent, alertsUnsent) = await alerts.PublishPendingAsync(now - options.FollowUpGrace, options.SweepPageSize, cancellationToken).ConfigureAwait(false);
        return new PurchaseOrderSweepResult(alerted, resolved, followedUp, published + alertsSent, failed + alertsUnsent);
    }

    private async Task<DueOutcome> ReviewDueAsync(string supplierId, TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purchaseOrderId = PurchasingRows.PurchaseOrderIdOf(row.RowKey, PurchasingRows.AcknowledgementDuePrefix);
        var stored = await orders.GetAsync(supplierId, purchaseOrderId, cancellationToken).ConfigureAwait(false);
        if (stored is not null && !stored.Order.IsFullyAcknowledged)
        {
            if (row.GetBoolean(AlertedProperty) == true)
            {
                return DueOutcome.Waiting;
            }

            var order = stored.Order;
            var waiting = order.Lines.Where(l => !l.IsAnswered).Select(l => l.LineNumber).ToList();
            var raised = await alerts.RaiseAsync(
                new AlertRaise(
                    AlertKey.Unacknowledged(supplierId, order.Id),
                    AlertKind.PurchaseOrderUnacknowledged,
                    $"suppliers/{supplierId}/purchase-orders/{order.Id}",
                    $"Supplier {supplierId} has not acknowledged purchase order {order.Id} (created {order.CreatedAt:yyyy-MM-dd HH:mm} UTC, requested for {order.RequestedDeliveryDate:yyyy-MM-dd}): {waiting.Count} of {order.Lines.Count} lines unanswered after {options.AcknowledgementDeadline}.",
                    new { supplierId, purchaseOrderId = order.Id.Value, unansweredLines = waiting, requestedDeliveryDate = order.RequestedDeliveryDate, createdAt = order.CreatedAt },
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [IntegrationEventProperties.SupplierId] = supplierId,
                        [IntegrationEventProperties.PurchaseOrderId] = order.Id.Value,
                    }),
                now,
                cancellationToken).ConfigureAwait(false);
            var marked = await store.MergeAsync(orders.Table, new TableEntity(row.PartitionKey, row.RowKey, new Dictionary<string, object?> { [AlertedProperty] = true }), row.ETag, cancellationToken).ConfigureAwait(false);
            if (!marked.Succeeded && marked.Status is not (WriteStatus.NotFound or WriteStatus.PreconditionFailed))
            {
                throw new InvalidOperationException($"Marking {supplierId}/{row.RowKey} alerted failed with {marked.Status}.");
            }

            return raised == AlertChange.Raised ? DueOutcome.Alerted : DueOutcome.Waiting;
        }

        if (PurchaseOrderId.TryParse(purchaseOrderId, out var id, out _))
        {
            await alerts.ClearAsync(AlertKey.Unacknowledged(supplierId, id), stored is null ? "purchase order gone" : "acknowledged", now, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await store.DeleteAsync(orders.Table, row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        return deleted.Succeeded || deleted.Status is WriteStatus.NotFound or WriteStatus.PreconditionFailed
            ? DueOutcome.Resolved
            : throw new InvalidOperationException($"Removing {supplierId}/{row.RowKey} failed with {deleted.Status}.");
    }

    // Set on an acknowledgement-due row once its order's alert is open: a concurrent answer deletes the row regardless (ETag *).
    private const string AlertedProperty = "Alerted";

    private async Task<DueOutcome> IsolatedAsync(Func<Task<DueOutcome>> work, string supplierId, string rowKey)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogItemFailed(logger, error, supplierId, rowKey);
            return DueOutcome.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purchase-order sweep: row {RowKey} of supplier {SupplierId} failed; it stays for the next run.")]
    private static partial void LogItemFailed(ILogger logger, Exception error, string supplierId, string rowKey);

    private enum DueOutcome
    {
        Waiting,
        Alerted,
        Resolved,
        Failed,
    }
}
