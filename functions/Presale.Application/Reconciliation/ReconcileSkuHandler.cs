using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.DelayConsent;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Reconciles one SKU: brings its ledger up to date with the lots table, re-plans every order holding a reservation
/// of it with <see cref="PromisePlanner"/>, and writes what changed — the supply (ledger, the shards' split of
/// reservations by source) in one transaction with a new plan number, then only the orders whose line changed, each
/// in one transaction with its customer notification in the outbox.
/// </summary>
/// <remarks>
/// <para>Everything is recomputed from stored state; the message that triggered the run carries nothing but the SKU.
/// Duplicate, late and reordered messages therefore converge on the same result, and running twice writes nothing the
/// second time.</para>
/// <para><b>Concurrent runs of one SKU</b> are ordered by the plan fence (<c>4|plan</c>): a run reads the fence first,
/// then the state, and takes the next plan number in the same transaction as its supply changes (conditioned on the
/// fence, the ledger and the shards it read). Plan numbers therefore follow the order in which runs read state. Each
/// order line records the plan number it was written from; a run that finds a later number on an order stops (the
/// later run covers it). An order changed under a run (412) makes the run start over from fresh state.</para>
/// <para><b>Demand index.</b> Each reservation row keeps a copy of its order line (tier, placement time, tracking), so
/// once a plan is complete the next run plans from the rows and reads only the orders whose plan changed. Copies are
/// written after the orders; the fence records whether the plan's run finished them all and whether it started after
/// every earlier run had stopped writing (runs stop at <see cref="ReconciliationOptions.RunTimeout"/>). Otherwise the
/// next run reads every order, as a copy may be out of date.</para>
/// <para>Notifications are keyed deterministically (at risk: per promised date; delayed: per delay number from the
/// delay-consent service; ready to ship: per order), so a notification is written at most once per change even when a
/// run is repeated, and the notification pipeline drops duplicates by key.</para>
/// </remarks>
public sealed partial class ReconcileSkuHandler(
    ITableStore store,
    OrdersOptions orders,
    NotificationsOptions notifications,
    ReconciliationOptions options,
    SupplyStore supply,
    ShopSettingsStore shops,
    LotSupplySync lots,
    ReconciliationStore reconciliation,
    OrderRepository orderRepository,
    OutboxPublisher outbox,
    IDelayConsentService delayConsent,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<ReconcileSkuHandler> logger)
{
    /// <summary>How long after its deadline a run's last write may still land (a request in flight when it was cancelled).</summary>
    private static readonly TimeSpan WritesInFlight = TimeSpan.FromMinutes(1);

    private readonly NotificationComposer _composer = new();

    /// <summary>Reconciles <paramref name="sku"/>.</summary>
    /// <exception cref="InvalidOperationException">Every attempt met a concurrent change (the message should be redelivered).</exception>
    /// <exception cref="OperationCanceledException">The run took longer than <see cref="ReconciliationOptions.RunTimeout"/>.</exception>
    public async Task<ReconcileResult> ReconcileAsync(Sku sku, CancellationToken cancellationToken)
    {
        // No write of this run may land after its deadline: later runs rely on it to know it has no writer left.
        using var deadline = new CancellationTokenSource(options.RunTimeout, timeProvider);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        return await RunAsync(sku, run.Token).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> RunAsync(Sku sku, CancellationToken cancellationToken)
    {
        var ownPlan = 0L;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var fence = await reconciliation.GetFenceAsync(sku, cancellationToken).ConfigureAwait(false);

            // Until when runs of earlier plans could still write: the latest plan's run unless it finished (or was this
            // run's own earlier attempt), up to its deadline, and whatever runs that one saw. Only a run that starts
            // after that can leave a complete plan.
            var writersUntil = fence.Finished || fence.Version == 0 || fence.Version == ownPlan
                ? fence.WritersUntil
                : Latest(fence.WritersUntil, fence.PlannedAt + options.RunTimeout + WritesInFlight);
            var clean = writersUntil is not { } until || timeProvider.GetUtcNow() > until;
            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return new ReconcileResult(sku, ReconcileOutcome.UnknownSku, 0, 0, 0, 0, false);
            }

            if (!state.IsConsistent)
            {
                continue;
            }

            var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
            if (shop is null)
            {
                return new ReconcileResult(sku, ReconcileOutcome.ShopNotConfigured, 0, 0, 0, 0, false);
            }

            var ledger = await lots.SyncAsync(sku, state.Ledger, cancellationToken).ConfigureAwait(false);

            // After a completely written plan every reservation row mirrors its order line, so only rows without a copy
            // need their order before planning; otherwise (a run died or was overtaken mid-write) every order is read.
            var stored = new ConcurrentDictionary<string, StoredOrder>(StringComparer.Ordinal);
            var reservations = await ReadOpenOrdersAsync(sku, everyOrder: !fence.Completed, stored, cancellationToken).ConfigureAwait(false);

            var now = timeProvider.GetUtcNow();
            var today = shop.LocalDate(now);
            var demand = reservations.Select(r => SupplyPlanMapping.Demand(r.Reservation, CopyOf(r.Reservation, stored))).ToList();
            var plan = PromisePlanner.Replan(
                SupplyPlanMapping.Snapshot(state.Settings, ledger, today),
                demand,
                SupplyPlanMapping.Settings(state.Settings, shop, options.PriorityRule),
                now);

            var (newLedger, shards) = SupplyChange(state, ledger, plan, today);
            var planVersion = fence.Version + 1;
            if (!await reconciliation.CommitAsync(state, planVersion, fence.ETag, now, writersUntil, clean, newLedger, shards, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            ownPlan = planVersion;

            await ReadOrdersAsync(plan.Changes.Select(c => c.OrderId).Where(id => !stored.ContainsKey(id)), stored, cancellationToken).ConfigureAwait(false);
            var lines = reservations.ToDictionary(r => r.Reservation.OrderId, StringComparer.Ordinal);
            var writes = await WriteChangesAsync(plan, planVersion, stored, lines, shop, now, cancellationToken).ConfigureAwait(false);
            if (writes.Superseded)
            {
                LogSuperseded(logger, sku.Value, planVersion);
                return new ReconcileResult(sku, ReconcileOutcome.Superseded, planVersion, demand.Count, writes.Written, writes.Notifications, newLedger is not null);
            }

            if (writes.Conflict)
            {
                continue;
            }

            var outOfDate = await RewriteReservationsAsync(sku, plan, reservations, stored, cancellationToken).ConfigureAwait(false);
            if (outOfDate == 0)
            {
                await reconciliation.FinishAsync(sku, planVersion, cancellationToken).ConfigureAwait(false);
            }

            await WriteLotDemandAsync(sku, newLedger ?? ledger, plan, planVersion, now, cancellationToken).ConfigureAwait(false);
            LogReconciled(logger, sku.Value, planVersion, demand.Count, writes.Written, writes.Notifications, newLedger is not null);
            return new ReconcileResult(sku, ReconcileOutcome.Reconciled, planVersion, demand.Count, writes.Written, writes.Notifications, newLedger is not null);
        }

        throw new InvalidOperationException($"Reconciling SKU {sku} met a concurrent change on each of {options.MaxAttempts} attempts.");
    }

    /// <summary>
    /// Brings the SKU's reservation rows up to date with the orders written: each row whose order was read gets a copy
    /// of its order line as the order now stands, and the row of every order the plan has ready to ship that still names
    /// another source is relabelled on hand (the on-hand allocation of ready-to-ship orders, so releasing them later
    /// gives back on-hand units). Derived from state, not from this run's changes: a run that died after writing the
    /// orders and before this step is completed by the next run, which sees no change but the same stale rows. Rows
    /// already up to date are skipped, so repeating it writes nothing. Returns how many rows were changed by someone
    /// else meanwhile (then the rows cannot be known to mirror their orders, and the plan is not marked finished).
    /// </summary>
    private Task<int> RewriteReservationsAsync(Sku sku, ReconciliationPlan plan, IReadOnlyList<(Reservation Reservation, ETag ETag)> reservations, IReadOnlyDictionary<string, StoredOrder> stored, CancellationToken cancellationToken)
    {
        var readyOrders = plan.Orders.Where(o => o.Status == PromiseStatus.ReadyToShip).Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var rewrites = new List<(Reservation Reservation, ETag ETag)>();
        foreach (var (reservation, etag) in reservations)
        {
            var copy = CopyOf(reservation, stored);
            var relabel = readyOrders.Contains(reservation.OrderId) && reservation.Parts.Any(p => p.Source != Domain.Supply.SupplySource.OnHand);
            if (!relabel && SupplyPlanMapping.SameCopy(copy, reservation.Demand))
            {
                continue;
            }

            var parts = relabel
                ? [.. reservation.Parts.GroupBy(p => p.Shard).Select(g => new AllocationPart(g.Key, Domain.Supply.SupplySource.OnHand, g.Sum(p => p.Quantity)))]
                : reservation.Parts;
            rewrites.Add((reservation with { Parts = parts, Demand = copy }, etag));
        }

        return rewrites.Count == 0 ? Task.FromResult(0) : reconciliation.RewriteReservationsAsync(sku, rewrites, cancellationToken);
    }

    /// <summary>
    /// The most payload packed into one transaction, by a bound on the bytes its rows take as JSON (every character of a
    /// string counted three times, the most UTF-8 needs for one): an entity-group transaction may carry 4 MiB.
    /// </summary>
    private const long TransactionPayloadBudget = 3 * 1024 * 1024;

    private static DateTimeOffset Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    /// <summary>The copy of its order line a reservation plans from: the order's when it was read, else the row's own.</summary>
    private static ReservationDemand? CopyOf(Reservation reservation, IReadOnlyDictionary<string, StoredOrder> stored) =>
        stored.TryGetValue(reservation.OrderId, out var order) ? SupplyPlanMapping.Copy(order.Order, reservation.LineNumber) : reservation.Demand;

    /// <summary>
    /// The supply write the plan needs, or (null, null): the ledger synchronised with the lots and holding the plan's
    /// shortfall, and the shards with reservations split by source as the plan pegs them (when the plan covers exactly
    /// the units the shards hold; otherwise excess reservations of a shrunken source move to the next source with room).
    /// </summary>
    private static (SupplyLedger? Ledger, IReadOnlyList<AllocationShard>? Shards) SupplyChange(SkuState state, SupplyLedger ledger, ReconciliationPlan plan, DateOnly today)
    {
        var current = ReservationRealigner.Reserved(state.AllocationShards);
        var pegged = SupplyPlanMapping.PeggedByKey(plan);
        var desired = pegged.Values.Sum() == current.Values.Sum()
            ? pegged
            : ReservationRealigner.Rebase(current, ledger.Targets(), [.. ledger.Sequence(today, state.Settings.CapLeadDays).Select(s => s.Source.Key)]);
        var shortfall = (int)desired.GetValueOrDefault(Domain.Supply.SupplySource.Shortfall.Key);
        var newLedger = ledger.Shortfall == shortfall ? ledger : ledger.WithShortfall(shortfall);
        var moved = current.Keys.Concat(desired.Keys).Any(k => current.GetValueOrDefault(k) != desired.GetValueOrDefault(k));
        if (ReferenceEquals(newLedger, state.Ledger) && !moved)
        {
            return (null, null);
        }

        var realigned = ReservationRealigner.Realign(state.AllocationShards, desired);
        return QuotaDistributor.Distribute(realigned, newLedger.Targets()) switch
        {
            DistributionResult.Distributed distributed => (newLedger, distributed.Shards),
            DistributionResult.BelowReserved below => throw new InvalidOperationException(
                $"SKU {state.Settings.Sku}: the plan leaves {below.Reserved} reserved against {below.Target} units of '{below.Key}'."),
            _ => throw new InvalidOperationException("Unknown distribution result."),
        };
    }

    /// <summary>
    /// The SKU's reservation rows, with the orders of every row (when <paramref name="everyOrder"/>) or of the rows that
    /// carry no copy of their order yet added to <paramref name="found"/>, read by id while later pages of the
    /// reservations still load. Reservations come back sorted by row key (the order the planner is indifferent to, but
    /// tests and logs are not).
    /// </summary>
    private async Task<IReadOnlyList<(Reservation Reservation, ETag ETag)>> ReadOpenOrdersAsync(Sku sku, bool everyOrder, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken)
    {
        var reservations = new List<(Reservation Reservation, ETag ETag)>();
        var toRead = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = true });
        var reads = ReadOrdersAsync(toRead.Reader.ReadAllAsync(cancellationToken), found, cancellationToken);
        try
        {
            await foreach (var reservation in reconciliation.ReservationsAsync(sku, cancellationToken).ConfigureAwait(false))
            {
                reservations.Add(reservation);
                if (everyOrder || reservation.Reservation.Demand is null)
                {
                    toRead.Writer.TryWrite(reservation.Reservation.OrderId);
                }
            }
        }
        finally
        {
            toRead.Writer.Complete();
        }

        await reads.ConfigureAwait(false);
        return [.. reservations.OrderBy(r => r.Reservation.OrderId, StringComparer.Ordinal).ThenBy(r => r.Reservation.LineNumber)];
    }

    /// <summary>Reads the orders <paramref name="ids"/> into <paramref name="found"/>, in parallel.</summary>
    private Task ReadOrdersAsync(IEnumerable<string> ids, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, Reading(cancellationToken), (id, token) => new ValueTask(ReadOrderAsync(id, found, token)));

    /// <inheritdoc cref="ReadOrdersAsync(IEnumerable{string}, ConcurrentDictionary{string, StoredOrder}, CancellationToken)"/>
    private Task ReadOrdersAsync(IAsyncEnumerable<string> ids, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, Reading(cancellationToken), (id, token) => new ValueTask(ReadOrderAsync(id, found, token)));

    private ParallelOptions Reading(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.ReadConcurrency, CancellationToken = cancellationToken };

    private async Task ReadOrderAsync(string id, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken)
    {
        if (!found.ContainsKey(id) && await orderRepository.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } order)
        {
            found[id] = order;
        }
    }

    /// <summary>
    /// Writes the changed orders: each order's replacement with its notice's outbox row and compensation index row, the
    /// orders of one partition packed into shared entity-group transactions of up to 100 operations (an order's own
    /// rows never split), so the transactions number about a hundredth of the rows written. A transaction that fails on
    /// an order changed meanwhile (412, 404) makes the run start over, as one failing order did on its own.
    /// </summary>
    private async Task<(int Written, int Notifications, bool Superseded, bool Conflict)> WriteChangesAsync(
        ReconciliationPlan plan,
        long planVersion,
        IReadOnlyDictionary<string, StoredOrder> stored,
        IReadOnlyDictionary<string, (Reservation Reservation, ETag ETag)> lines,
        ShopSettings shop,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var context = new NotificationContext(shop.Locale, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId));
        var writes = new ConcurrentBag<OrderWrite>();
        var superseded = 0;
        await Parallel.ForEachAsync(plan.Changes, new ParallelOptions { MaxDegreeOfParallelism = options.WriteConcurrency, CancellationToken = cancellationToken }, async (change, token) =>
        {
            if (Volatile.Read(ref superseded) > 0
                || stored.GetValueOrDefault(change.OrderId) is not { Order.Status: OrderStatus.Confirmed } order
                || !lines.TryGetValue(change.OrderId, out var reservation)
                || order.Order.Lines.FirstOrDefault(l => l.LineNumber == reservation.Reservation.LineNumber) is not { } line)
            {
                return;
            }

            if (line.Tracking is { } recorded && recorded.PlanVersion > planVersion)
            {
                Interlocked.Increment(ref superseded);
                return;
            }

            var notification = await ComposeAsync(change, order.Order, line, context, plan.Today, token).ConfigureAwait(false);
            order.Order.Track(line.LineNumber, SupplyPlanMapping.Tracking(change.Plan, planVersion, now), now);
            var operations = new List<TableOperation>(3)
            {
                TableOperation.Replace(OrderRows.OrderEntity(order.Partition, order.Order, order.RequestHash, order.SagaMarker, order.OutcomeKind, order.Outcome), order.ETag),
            };
            OutboxMessage? message = null;
            if (notification is not null)
            {
                var outbound = NotificationMessage.From(notification, now).ToOutboundMessage(order.Order.Id);
                message = new OutboxMessage(outbound.MessageId, outbound.Subject ?? string.Empty, outbound.Body, outbound.CorrelationId, now, notifications.Queue);
                operations.Add(TableOperation.Insert(OutboxRows.Entity(order.Partition, message)));
            }

            // The line's estimate moved: compensation must look at the order once its promise passes, whatever an
            // earlier sweep decided (e.g. dropped it while it was ready to ship). Upserting is idempotent, and an early
            // row is only re-assessed and moved on.
            if (change.Plan.Status != PromiseStatus.ReadyToShip && (change.Notification?.PromiseDate ?? line.Promise?.PromisedOn) is { } promised)
            {
                operations.Add(PromiseDueIndex.Upsert(order.Partition, order.Order.Id, promised));
            }

            writes.Add(new OrderWrite(order.Order.Id, order.Partition, operations, message, operations.Sum(o => PayloadBound(o.Entity))));
        }).ConfigureAwait(false);
        if (superseded > 0)
        {
            return (0, 0, true, false);
        }

        var written = 0;
        var conflict = 0;
        var outboxRows = new ConcurrentBag<(string Partition, OutboxMessage Message)>();
        var transactions = writes
            .GroupBy(w => w.Partition, StringComparer.Ordinal)
            .SelectMany(partition => Pack(partition.OrderBy(w => w.OrderId, StringComparer.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = options.WriteConcurrency, CancellationToken = cancellationToken }, async (transaction, token) =>
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
            foreach (var write in transaction.Where(w => w.Message is not null))
            {
                outboxRows.Add((write.Partition, write.Message!));
            }
        }).ConfigureAwait(false);

        // Published after the writes, their rows removed in batches per partition (the sweeper covers a crash in between).
        await outbox.TryPublishAllAsync(orders.OrdersTable, [.. outboxRows], options.WriteConcurrency, cancellationToken).ConfigureAwait(false);
        return (written, outboxRows.Count, false, conflict > 0);
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

    private async Task<Notification?> ComposeAsync(OrderChange change, Order order, OrderLine line, NotificationContext context, DateOnly today, CancellationToken cancellationToken)
    {
        if (change.Notification is not { } notice || (notice.PromiseDate ?? line.Promise?.PromisedOn) is not { } promise)
        {
            return null;
        }

        return notice.Kind switch
        {
            PromiseNotificationKind.AtRisk => _composer.AtRisk(context, order.Id, order.CustomerId, promise),
            // A delay the flow refuses with nothing announced before is tracked silently (the service logs it).
            PromiseNotificationKind.Delayed when notice.Estimate is { } revised =>
                (await delayConsent.TryRecordDelayAsync(new DelayedOrder(order.Id, order.CustomerId, promise), revised, cancellationToken).ConfigureAwait(false)).Notice,
            PromiseNotificationKind.ReadyToShip => _composer.ReadyToShip(context, order.Id, order.CustomerId, today),

            // No customer notification kind exists for "back on track": the change is recorded on the order silently.
            _ => null,
        };
    }

    private async Task WriteLotDemandAsync(Sku sku, SupplyLedger ledger, ReconciliationPlan plan, long planVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled SKU {Sku} as plan {PlanVersion}: {Planned} order lines planned, {Written} orders written, {Notifications} notifications, supply changed: {SupplyChanged}.")]
    private static partial void LogReconciled(ILogger logger, string sku, long planVersion, int planned, int written, int notifications, bool supplyChanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of SKU {Sku} as plan {PlanVersion} stopped: a later plan is being written.")]
    private static partial void LogSuperseded(ILogger logger, string sku, long planVersion);

    /// <summary>One changed order's rows, written together: the order, its notice's outbox row, its compensation index row.</summary>
    private sealed record OrderWrite(string OrderId, string Partition, IReadOnlyList<TableOperation> Operations, OutboxMessage? Message, long PayloadBound);
}
