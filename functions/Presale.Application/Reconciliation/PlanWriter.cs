using System.Collections.Concurrent;
using Presale.Application.Compensation;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Payments;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Writes what a reconcile plan changed outside the SKU's supply partition: the changed orders with their customer
/// notices, the <c>payment.due</c> events of balances whose line became ready to ship, and compensation index rows, packed per order partition into shared transactions; the notices' publication;
/// and the per-lot demand rows of the suppliers' view.
/// </summary>
/// <remarks>
/// <para>Guarantees. An order's rows (the order under the version read, its notice's and payment events' outbox rows,
/// its compensation index row) are always in one transaction, so an order is never written without its notice or the other way round. Only
/// confirmed orders whose line changed are written. An order carrying a later plan number than this run's is never
/// overwritten: the writes stop before the first transaction (<see cref="OrderWrites.Superseded"/>). An order changed
/// since it was read fails its whole transaction, which applies nothing (<see cref="OrderWrites.Conflict"/>).</para>
/// <para>Notices are published only after their transactions committed; a notice whose publish fails stays in the
/// outbox for the outbox sweeper. A demand row is never written over a later plan's.</para>
/// </remarks>
public sealed class PlanWriter(ITableStore store, OrdersOptions orders, ReconciliationOptions options, OutboxPublisher outbox, OrderChangeNotices notices, PaymentDueEvents paymentsDue)
{
    /// <summary>
    /// The most payload packed into one transaction, by a bound on the bytes its rows take as JSON (every character of a
    /// string counted three times, the most UTF-8 needs for one): an entity-group transaction may carry 4 MiB.
    /// </summary>
    private const long TransactionPayloadBudget = 3 * 1024 * 1024;

    /// <summary>
    /// Writes the orders <paramref name="plan"/> changed, as plan <paramref name="planVersion"/>: each order's line
    /// records its new tracking (<c>Order.Track</c>, on the order instance held by <paramref name="demand"/>) and is
    /// replaced under the version read, with the outbox row of the notice the change calls for and, unless the line is
    /// ready to ship, the compensation index row of its promise. The orders of one partition are packed into shared
    /// entity-group transactions of up to 100 operations (an order's own rows never split), so the transactions number
    /// about a hundredth of the rows written; <see cref="ReconciliationOptions.WriteConcurrency"/> in flight.
    /// </summary>
    public async Task<OrderWrites> WriteOrdersAsync(ReconciliationPlan plan, long planVersion, SkuDemand demand, ShopSettings shop, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(shop);
        var context = new NotificationContext(shop.Locale, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId));
        var writes = new ConcurrentBag<OrderWrite>();
        var superseded = 0;
        await Parallel.ForEachAsync(plan.Changes, Writing(cancellationToken), async (change, token) =>
        {
            if (Volatile.Read(ref superseded) > 0
                || demand.OrderOf(change.OrderId) is not { Order.Status: OrderStatus.Confirmed } order
                || demand.ReservationOf(change.OrderId) is not { } reservation
                || order.Order.Lines.FirstOrDefault(l => l.LineNumber == reservation.LineNumber) is not { } line)
            {
                return;
            }

            if (line.Tracking is { } recorded && recorded.PlanVersion > planVersion)
            {
                Interlocked.Increment(ref superseded);
                return;
            }

            var message = await notices.ComposeAsync(change, order.Order, line, context, plan.Today, now, token).ConfigureAwait(false);
            var progress = OrderSchedule.Progress(order.Order, line.LineNumber);
            order.Order.Track(line.LineNumber, SupplyPlanMapping.Tracking(change.Plan, planVersion, now), now);
            var messages = new List<OutboxMessage>(paymentsDue.Messages(order.Order, shop, line.LineNumber, progress, now));
            if (message is not null)
            {
                messages.Insert(0, message);
            }

            var operations = new List<TableOperation>(3 + messages.Count)
            {
                TableOperation.Replace(OrderRows.OrderEntity(order.Partition, order.Order, order.RequestHash, order.SagaMarker, order.OutcomeKind, order.Outcome), order.ETag),
            };
            operations.AddRange(messages.Select(m => TableOperation.Insert(OutboxRows.Entity(order.Partition, m))));

            // The line's estimate moved: compensation must look at the order once its promise passes, whatever an
            // earlier sweep decided (e.g. dropped it while it was ready to ship). Upserting is idempotent, and an early
            // row is only re-assessed and moved on.
            if (change.Plan.Status != PromiseStatus.ReadyToShip && (change.Notification?.PromiseDate ?? line.Promise?.PromisedOn) is { } promised)
            {
                operations.Add(PromiseDueIndex.Upsert(order.Partition, order.Order.Id, promised));
            }

            writes.Add(new OrderWrite(order.Order.Id, order.Partition, operations, messages, operations.Sum(o => PayloadBound(o.Entity))));
        }).ConfigureAwait(false);
        if (superseded > 0)
        {
            return new OrderWrites(0, [], Superseded: true, Conflict: false);
        }

        var written = 0;
        var conflict = 0;
        var notified = new ConcurrentBag<(string Partition, OutboxMessage Message)>();
        var transactions = writes
            .GroupBy(w => w.Partition, StringComparer.Ordinal)
            .SelectMany(partition => Pack(partition.OrderBy(w => w.OrderId, StringComparer.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(transactions, Writing(cancellationToken), async (transaction, token) =>
        {
            if (Volatile.Read(ref conflict) > 0)
            {
                return;
            }

            var result = await store.SubmitTransactionAsync(orders.OrdersTable, [.. transaction.SelectMany(w => w.Operations)], token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var (failed, isOrderRow) = At(transaction, result.FailedIndex ?? 0);
                if (isOrderRow && result.FailureStatus is WriteStatus.PreconditionFailed or WriteStatus.NotFound)
                {
                    Interlocked.Increment(ref conflict);
                    return;
                }

                throw new InvalidOperationException($"Writing the plan of order {failed.OrderId} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
            }

            Interlocked.Add(ref written, transaction.Count);
            foreach (var write in transaction)
            {
                foreach (var message in write.Messages)
                {
                    notified.Add((write.Partition, message));
                }
            }
        }).ConfigureAwait(false);
        return new OrderWrites(written, [.. notified], Superseded: false, Conflict: conflict > 0);
    }

    /// <summary>
    /// Publishes the notices of <paramref name="writes"/> to their queue (message id = de-duplication key) and removes
    /// their outbox rows in one transaction per 100 rows of a partition. A failed publish stays in the outbox for the
    /// outbox sweeper, as does everything after a crash in between.
    /// </summary>
    public Task PublishNoticesAsync(OrderWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return outbox.TryPublishAllAsync(orders.OrdersTable, writes.Notices, options.WriteConcurrency, cancellationToken);
    }

    /// <summary>
    /// Writes, per lot of <paramref name="ledger"/>, what plan <paramref name="planVersion"/> pegs to it for
    /// <paramref name="sku"/> (units, order count, earliest promise: <c>demand|{lotId}|{sku}</c> in the supplier's
    /// partition of the lots table) when it changed. A row of a later plan, or one changed or removed meanwhile, is left
    /// as it is.
    /// </summary>
    public async Task WriteLotDemandAsync(Sku sku, SupplyLedger ledger, ReconciliationPlan plan, long planVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(plan);
        var bySource = plan.Sources
            .Where(s => SupplyPlanMapping.Lot(s.Source) is not null)
            .ToDictionary(s => s.Source.LotId!, StringComparer.Ordinal);
        foreach (var lot in ledger.Lots)
        {
            var demand = bySource.GetValueOrDefault(lot.Source.Key);
            var entity = LotDemandRows.Entity(lot.SupplierId, lot.LotId, sku.Value, demand?.PeggedUnits ?? 0, demand?.OrderCount ?? 0, demand?.EarliestPromiseDate, planVersion, now);
            var existing = await store.GetAsync(orders.LotsTable, lot.SupplierId, entity.RowKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null
                && ((existing.GetInt64("PlanVersion") ?? 0) > planVersion
                    || (existing.GetInt64("PeggedUnits") == entity.GetInt64("PeggedUnits")
                        && existing.GetInt32("OrderCount") == entity.GetInt32("OrderCount")
                        && LotDemandRows.EarliestPromise(existing) == LotDemandRows.EarliestPromise(entity))))
            {
                continue;
            }

            var result = existing is null
                ? await store.InsertAsync(orders.LotsTable, entity, cancellationToken).ConfigureAwait(false)
                : await store.ReplaceAsync(orders.LotsTable, entity, existing.ETag, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && result.Status is not (WriteStatus.PreconditionFailed or WriteStatus.AlreadyExists or WriteStatus.NotFound))
            {
                throw new InvalidOperationException($"Writing the demand on lot {lot.Source} for SKU {sku} failed with {result.Status}.");
            }
        }
    }

    /// <summary>Orders of one partition packed, in turn, into transactions of at most 100 operations.</summary>
    private static IEnumerable<List<OrderWrite>> Pack(IEnumerable<OrderWrite> writes)
    {
        var transaction = new List<OrderWrite>();
        var operations = 0;
        var bytes = 0L;
        foreach (var write in writes)
        {
            if (transaction.Count > 0 && (operations + write.Operations.Count > OutboxCleanup.MaxBatchOperations || bytes + write.PayloadBound > TransactionPayloadBudget))
            {
                yield return transaction;
                transaction = [];
                operations = 0;
                bytes = 0;
            }

            transaction.Add(write);
            operations += write.Operations.Count;
            bytes += write.PayloadBound;
        }

        if (transaction.Count > 0)
        {
            yield return transaction;
        }
    }

    /// <summary>An upper bound of the JSON bytes of <paramref name="entity"/>'s keys and properties.</summary>
    private static long PayloadBound(TableEntity entity) =>
        3L * (entity.PartitionKey.Length + entity.RowKey.Length + entity.Properties.Sum(p => p.Key.Length + 64 + (p.Value is string text ? text.Length : 0)));

    /// <summary>The order write holding operation <paramref name="index"/> of a packed transaction, and whether it is its order row.</summary>
    private static (OrderWrite Write, bool IsOrderRow) At(List<OrderWrite> transaction, int index)
    {
        foreach (var write in transaction)
        {
            if (index < write.Operations.Count)
            {
                return (write, index == 0);
            }

            index -= write.Operations.Count;
        }

        throw new InvalidOperationException($"A transaction of {transaction.Count} order writes has no operation {index}.");
    }

    private ParallelOptions Writing(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.WriteConcurrency, CancellationToken = cancellationToken };

    /// <summary>One changed order's rows, written together: the order, its notice's and events' outbox rows, its compensation index row.</summary>
    private sealed record OrderWrite(string OrderId, string Partition, IReadOnlyList<TableOperation> Operations, IReadOnlyList<OutboxMessage> Messages, long PayloadBound);
}
