using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;
using Presale.Domain.Supply;
using SupplySource = Presale.Domain.Supply.SupplySource;

namespace Presale.Application.Tests.Reconciliation;

public sealed class ReconcileSkuHandlerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Shop in Berlin, 2 handling days; SKU with 2 on hand and lot L1 of 10 due in 10 days; three single-unit orders.</summary>
    private static async Task<(ReconciliationHarness H, string[] Orders)> SettledAsync(string sku = "KB-75", int onHand = 2, int lotUnits = 10, int orders = 3, ITableStore? store = null)
    {
        var h = new ReconciliationHarness(store);
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync(sku, onHand, lot: ("L1", lotUnits, 10));
        var ids = new string[orders];
        for (var i = 0; i < orders; i++)
        {
            ids[i] = await h.PlaceAsync(sku, 1);
            h.Ordering.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var settled = await h.ReconcileAsync(sku);
        Assert.Equal(ReconcileOutcome.Reconciled, settled.Outcome);
        return (h, ids);
    }

    [Fact]
    public async Task Reconcile_FirstRun_MarksOnHandOrdersReadyToShipAndLotOrdersOnTrack()
    {
        var (h, ids) = await SettledAsync();

        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[0]))!.Status);
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[1]))!.Status);
        var third = (await h.TrackingAsync(ids[2]))!;
        Assert.Equal(PromiseStatus.OnTrack, third.Status);
        Assert.Equal(h.Today.AddDays(12), third.Estimate);
        Assert.Equal(
            new HashSet<string>([$"notif:ready-to-ship:{ids[0]}", $"notif:ready-to-ship:{ids[1]}"], StringComparer.Ordinal),
            new HashSet<string>(h.NotificationIds, StringComparer.Ordinal));
        Assert.Equal(2, h.NotificationIds.Count);
    }

    [Fact]
    public async Task Reconcile_AfterEtaSlip_DelaysOnlyTheOrdersOnTheLotAndWritesOnlyThem()
    {
        var (h, ids) = await SettledAsync();
        var applied = Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(SupplierEventOutcome.Applied, applied.Acknowledgement.Outcome);
        Assert.Equal(["KB-75"], applied.AffectedSkus);
        Assert.Contains(h.Ordering.Publisher.Published, p => p.Queue == h.Ordering.Options.ReconcileQueue && p.Message.Body.Contains("\"sku\":\"KB-75\"", StringComparison.Ordinal));

        var result = await h.ReconcileAsync("KB-75");

        Assert.Equal(1, result.OrdersWritten);
        var third = (await h.TrackingAsync(ids[2]))!;
        Assert.Equal(PromiseStatus.AtRisk, third.Status);
        Assert.Equal(h.Today.AddDays(22), third.Estimate);
        var delay = Assert.Single(h.DelayConsent.Calls);
        Assert.Equal(ids[2], delay.Order.OrderId);
        Assert.Equal(h.Today.AddDays(12), delay.Order.OriginalPromise);
        Assert.Equal(h.Today.AddDays(22), delay.Revised);
        Assert.Equal(3, h.NotificationIds.Count);
        Assert.Equal(0, await OutboxRowsAsync(h));
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[0]))!.Status);
        Assert.Equal(h.Today.AddDays(20), (await h.Ordering.StateAsync("KB-75")).Ledger.Lots[0].Eta);
    }

    [Fact]
    public async Task Reconcile_WhenNotificationsCannotBePublished_LeavesThemInTheOutboxForTheSweeper()
    {
        var (h, ids) = await SettledAsync();
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        h.Ordering.Publisher.Fail = true;

        var result = await h.ReconcileAsync("KB-75");

        Assert.Equal(1, result.Notifications);
        Assert.Equal(1, await OutboxRowsAsync(h));
        h.Ordering.Publisher.Fail = false;
        h.Ordering.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await h.Ordering.OutboxSweep.RunAsync(ReconciliationHarness.Ct));
        Assert.Contains(h.Ordering.Publisher.Published, p => p.Queue == "notifications" && p.Message.CorrelationId == ids[2]);
    }

    [Fact]
    public async Task Reconcile_RunAgainWithoutChange_WritesNothing()
    {
        var (h, _) = await SettledAsync();
        var before = h.NotificationIds.Count;

        var again = await h.ReconcileAsync("KB-75");

        Assert.Equal(0, again.OrdersWritten);
        Assert.False(again.SupplyChanged);
        Assert.Equal(before, h.NotificationIds.Count);
    }

    [Fact]
    public async Task Reconcile_AfterReceipt_MovesUnitsOnHandAndMakesWaitingOrdersReadyToShip()
    {
        var (h, ids) = await SettledAsync();
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", T0, ("KB-75", 4)));
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-2", "L1", T0.AddHours(1), ("KB-75", 7)));

        await h.ReconcileAsync("KB-75");
        await h.ReconcileAsync("KB-75");

        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[2]))!.Status);
        var state = await h.Ordering.StateAsync("KB-75");
        Assert.Equal(2 + 11, state.Ledger.OnHand);
        Assert.Equal(0, state.Ledger.Lots[0].Quantity);
        Assert.Equal(11, state.Ledger.Lots[0].Received);
        var reserved = ReservationRealigner.Reserved(state.AllocationShards);
        Assert.Equal(3, reserved[SupplySource.OnHand.Key]);
        var reservation = await h.Ordering.Supply.GetReservationAsync(Sku.From("KB-75"), ids[2], 1, ReconciliationHarness.Ct);
        Assert.All(reservation!.Parts, p => Assert.Equal(SupplySource.OnHand, p.Source));
        Assert.Equal((3L, 3L), await h.Ordering.ReservedAsync("KB-75"));
    }

    [Fact]
    public async Task Reconcile_AfterARunDiedBetweenTheOrderWriteAndTheRelabel_RelabelsTheReadyOrderOnTheNextRun()
    {
        var faulty = new InterposingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var (h, ids) = await SettledAsync(store: faulty);
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", T0, ("KB-75", 10)));
        var sku = Sku.From("KB-75");
        var waiting = await h.Ordering.Supply.GetReservationAsync(sku, ids[2], 1, ReconciliationHarness.Ct);
        Assert.Contains(waiting!.Parts, p => p.Source != SupplySource.OnHand);

        // The run writes the order ready to ship, then dies writing the reservation rows.
        faulty.FailWrites = (table, rowKey) => table == h.Ordering.Options.SupplyTable && rowKey.StartsWith("7|res|", StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => h.ReconcileAsync("KB-75"));
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[2]))!.Status);
        Assert.Contains((await h.Ordering.Supply.GetReservationAsync(sku, ids[2], 1, ReconciliationHarness.Ct))!.Parts, p => p.Source != SupplySource.OnHand);
        faulty.FailWrites = null;

        var rerun = await h.ReconcileAsync("KB-75");

        Assert.Equal(0, rerun.OrdersWritten);
        var relabelled = (await h.Ordering.Supply.GetReservationAsync(sku, ids[2], 1, ReconciliationHarness.Ct))!;
        Assert.All(relabelled.Parts, p => Assert.Equal(SupplySource.OnHand, p.Source));
        Assert.Equal(waiting.Quantity, relabelled.Parts.Sum(p => p.Quantity));
        Assert.Equal((3L, 3L), await h.Ordering.ReservedAsync("KB-75"));

        // Idempotent: a further run finds nothing left to relabel and writes no reservation row.
        faulty.FailWrites = (table, rowKey) => table == h.Ordering.Options.SupplyTable && rowKey.StartsWith("7|res|", StringComparison.Ordinal);
        Assert.Equal(ReconcileOutcome.Reconciled, (await h.ReconcileAsync("KB-75")).Outcome);
    }

    [Fact]
    public async Task Reconcile_AfterACompletePlan_ReadsOnlyTheOrdersWhosePlanChanged()
    {
        var store = new InterposingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var (h, ids) = await SettledAsync(orders: 6, store: store);
        Assert.Empty(await h.StaleCopiesAsync("KB-75"));
        var orderReads = new System.Collections.Concurrent.ConcurrentQueue<string>();
        store.AfterRead = (table, rowKey) =>
        {
            if (table == h.Ordering.Options.OrdersTable && rowKey.StartsWith("order|", StringComparison.Ordinal))
            {
                orderReads.Enqueue(rowKey["order|".Length..]);
            }

            return Task.CompletedTask;
        };

        var unchanged = await h.ReconcileAsync("KB-75");
        Assert.Equal((ReconcileOutcome.Reconciled, 6, 0), (unchanged.Outcome, unchanged.OrdersPlanned, unchanged.OrdersWritten));
        Assert.Empty(orderReads);

        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var slipped = await h.ReconcileAsync("KB-75");

        // The two orders on hand keep their plan; the four on the lot are read, delayed and written.
        Assert.Equal(4, slipped.OrdersWritten);
        Assert.Equal(ids[2..].Order(StringComparer.Ordinal), orderReads.Order(StringComparer.Ordinal));
        Assert.All(ids[2..], id => Assert.Equal(PromiseStatus.AtRisk, h.TrackingAsync(id).GetAwaiter().GetResult()!.Status));
        Assert.Empty(await h.StaleCopiesAsync("KB-75"));
    }

    [Fact]
    public async Task Reconcile_AfterARunDiedBeforeTheReservationCopies_ReadsEveryOrderAndFindsTheChange()
    {
        var faulty = new InterposingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var (h, ids) = await SettledAsync(store: faulty);
        var onTrack = (await h.TrackingAsync(ids[2]))!;

        // The lot slips; the run delays the order on it, then dies before its reservation row copies the new tracking.
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        faulty.FailWrites = (table, rowKey) => table == h.Ordering.Options.SupplyTable && rowKey.StartsWith("7|res|", StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => h.ReconcileAsync("KB-75"));
        faulty.FailWrites = null;
        Assert.Equal(PromiseStatus.AtRisk, (await h.TrackingAsync(ids[2]))!.Status);
        Assert.Equal([ids[2]], await h.StaleCopiesAsync("KB-75"));

        // The lot is back on its date: the row's stale copy says the order is on track, so only reading the order shows
        // that it must be brought back.
        await h.EtaAsync("e-2", "L1", T0.AddMinutes(1), h.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var back = await h.ReconcileAsync("KB-75");

        Assert.Equal(1, back.OrdersWritten);
        var restored = (await h.TrackingAsync(ids[2]))!;
        Assert.Equal((PromiseStatus.OnTrack, onTrack.Estimate), (restored.Status, restored.Estimate));
        Assert.Empty(await h.StaleCopiesAsync("KB-75"));

        // The rows mirror the orders again, but the run that died might as well be a slow one still writing: plans
        // stay incomplete (every run reads every order) until it is past its deadline.
        Assert.False((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);
        h.Ordering.Time.Advance(h.Options.RunTimeout);
        await h.ReconcileAsync("KB-75");
        Assert.False((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);
        h.Ordering.Time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(0, (await h.ReconcileAsync("KB-75")).OrdersWritten);
        Assert.True((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);
    }

    [Fact]
    public async Task Reconcile_WhenAReservationRowChangesUnderTheRun_LeavesThePlanIncompleteAndTheNextRunRepairsIt()
    {
        var inner = new Adapters.InMemory.InMemoryTableStore();
        var store = new InterposingTableStore(inner);
        var (h, ids) = await SettledAsync(store: store);
        var supplyTable = h.Ordering.Options.SupplyTable;
        var rowKey = Application.Supply.SupplyRows.Reservation(ids[2], 1);
        var rewritten = 0;

        // While the run reads the order it re-planned, an overtaken run rewrites that order's reservation row as it knew it.
        store.AfterRead = async (table, key) =>
        {
            if (table == h.Ordering.Options.OrdersTable && key == "order|" + ids[2] && Interlocked.Exchange(ref rewritten, 1) == 0)
            {
                var row = (await inner.GetAsync(supplyTable, "KB-75", rowKey, ReconciliationHarness.Ct))!;
                Assert.True((await inner.ReplaceAsync(supplyTable, row, ETag.Any, ReconciliationHarness.Ct)).Succeeded);
            }
        };
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, (await h.ReconcileAsync("KB-75")).OrdersWritten);

        Assert.Equal([ids[2]], await h.StaleCopiesAsync("KB-75"));
        Assert.False((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);

        h.Ordering.Time.Advance(h.Options.RunTimeout + TimeSpan.FromMinutes(1.5));
        var repaired = await h.ReconcileAsync("KB-75");

        Assert.Equal(0, repaired.OrdersWritten);
        Assert.Empty(await h.StaleCopiesAsync("KB-75"));
        Assert.True((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);
    }

    [Fact]
    public async Task Reconcile_PastItsRunTimeout_StopsBeforeWritingTheOrders()
    {
        var store = new InterposingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var (h, ids) = await SettledAsync(store: store);
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // The run's clock passes its deadline while it reads the order it is about to delay.
        store.AfterRead = (table, key) =>
        {
            if (table == h.Ordering.Options.OrdersTable && key == "order|" + ids[2])
            {
                h.Ordering.Time.Advance(h.Options.RunTimeout + TimeSpan.FromSeconds(1));
            }

            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.ReconcileAsync("KB-75"));
        store.AfterRead = null;
        Assert.Equal(PromiseStatus.OnTrack, (await h.TrackingAsync(ids[2]))!.Status);
        Assert.False((await h.Plans.GetFenceAsync(Sku.From("KB-75"), ReconciliationHarness.Ct)).Completed);
    }

    [Fact]
    public async Task Reconcile_ChangedOrdersOfOnePartition_ShareTransactions()
    {
        var store = new InterposingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var (h, ids) = await SettledAsync(lotUnits: 60, orders: 40, store: store);
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        store.Transactions.Clear();

        var result = await h.ReconcileAsync("KB-75");

        // The 38 orders on the lot are delayed; each partition's orders go in one transaction (with their outbox rows).
        Assert.Equal(38, result.OrdersWritten);
        var orderWrites = store.Transactions
            .Where(t => t.Table == h.Ordering.Options.OrdersTable && t.Operations.Any(o => o.Entity.RowKey.StartsWith("order|", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(ids[2..].Select(OrderIds.PartitionOf).Distinct().Count(), orderWrites.Count);
        Assert.Equal(38, orderWrites.Sum(t => t.Operations.Count(o => o.Entity.RowKey.StartsWith("order|", StringComparison.Ordinal))));
        Assert.All(ids[2..], id => Assert.Equal(PromiseStatus.AtRisk, h.TrackingAsync(id).GetAwaiter().GetResult()!.Status));
    }

    [Fact]
    public async Task Reconcile_WhenAnOrderChangesBeforeItsWrite_StartsOverAndWritesEveryChangedOrder()
    {
        var inner = new Adapters.InMemory.InMemoryTableStore();
        var store = new InterposingTableStore(inner);
        var (h, ids) = await SettledAsync(lotUnits: 60, orders: 12, store: store);
        var touched = 0;

        // Right after the run reads it, the order is changed by someone else (its version moves on): the write fails.
        store.AfterRead = async (table, key) =>
        {
            if (table == h.Ordering.Options.OrdersTable && key == "order|" + ids[5] && Interlocked.Exchange(ref touched, 1) == 0)
            {
                var row = (await inner.GetAsync(table, OrderIds.PartitionOf(ids[5])!, key, ReconciliationHarness.Ct))!;
                Assert.True((await inner.ReplaceAsync(table, row, ETag.Any, ReconciliationHarness.Ct)).Succeeded);
            }
        };
        await h.EtaAsync("e-1", "L1", T0, h.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var result = await h.ReconcileAsync("KB-75");

        // The failed transaction applied nothing: its orders (at least those of the changed order's partition) are
        // written by the attempt that started over, which is the one the result speaks of.
        Assert.Equal(1, touched);
        Assert.Equal(ReconcileOutcome.Reconciled, result.Outcome);
        Assert.InRange(result.OrdersWritten, ids[2..].Count(id => OrderIds.PartitionOf(id) == OrderIds.PartitionOf(ids[5])), 10);
        Assert.All(ids[2..], id => Assert.Equal(PromiseStatus.AtRisk, h.TrackingAsync(id).GetAwaiter().GetResult()!.Status));
        Assert.Empty(await h.StaleCopiesAsync("KB-75"));
    }

    [Fact]
    public async Task Reconcile_AfterLotCancelled_PutsUnsuppliedOrdersAtRiskAndReleaseStillBalances()
    {
        var (h, ids) = await SettledAsync(onHand: 0, lotUnits: 2, orders: 2);
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("c-1", "L1", T0, null, cancelled: true));

        await h.ReconcileAsync("KB-75");

        foreach (var id in ids)
        {
            var tracking = (await h.TrackingAsync(id))!;
            Assert.Equal(PromiseStatus.AtRisk, tracking.Status);
            Assert.Null(tracking.Estimate);
        }

        Assert.Equal(2, h.NotificationIds.Count(n => n.StartsWith("notif:at-risk:", StringComparison.Ordinal)));
        Assert.Equal(2, (await h.Ordering.StateAsync("KB-75")).Ledger.Shortfall);

        Assert.IsType<CancelOrderResult.Cancelled>(await h.Ordering.Cancel.CancelAsync(ids[0], new CancelOrderRequest("no longer needed"), ReconciliationHarness.Ct));
        Assert.Equal((1L, 1L), await h.Ordering.ReservedAsync("KB-75"));
        await h.ReconcileAsync("KB-75");
        Assert.Equal(1, (await h.Ordering.StateAsync("KB-75")).Ledger.Shortfall);
        Assert.Equal(0, (await h.Ordering.StateAsync("KB-75")).Available(h.Today));
    }

    [Fact]
    public async Task Reconcile_AfterShortShipment_ServesHigherTierFirst()
    {
        var h = new ReconciliationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 0, lot: ("L1", 3, 10));
        var first = await h.PlaceAsync("KB-75", 1, CustomerTier.Standard);
        var second = await h.PlaceAsync("KB-75", 1, CustomerTier.Standard);
        var platinum = await h.PlaceAsync("KB-75", 1, CustomerTier.Platinum);
        await h.ReconcileAsync("KB-75");

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("s-1", "L1", T0, h.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [new SupplierLotLineRequest("KB-75", 2)]));
        await h.ReconcileAsync("KB-75");

        Assert.Equal(PromiseStatus.OnTrack, (await h.TrackingAsync(platinum))!.Status);
        Assert.Equal(PromiseStatus.OnTrack, (await h.TrackingAsync(first))!.Status);
        Assert.Equal(PromiseStatus.AtRisk, (await h.TrackingAsync(second))!.Status);
        Assert.Equal(1, (await h.Ordering.StateAsync("KB-75")).Ledger.Shortfall);
    }

    [Fact]
    public async Task Reconcile_WithFirstComeFirstServed_IgnoresTier()
    {
        var h = new ReconciliationHarness(options: new ReconciliationOptions { PriorityRule = PriorityRule.FirstComeFirstServed });
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 0, lot: ("L1", 2, 10));
        var first = await h.PlaceAsync("KB-75", 1, CustomerTier.Standard);
        var platinum = await h.PlaceAsync("KB-75", 1, CustomerTier.Platinum);
        await h.ReconcileAsync("KB-75");

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("s-1", "L1", T0, null, [new SupplierLotLineRequest("KB-75", 1)]));
        await h.ReconcileAsync("KB-75");

        Assert.Equal(PromiseStatus.OnTrack, (await h.TrackingAsync(first))!.Status);
        Assert.Equal(PromiseStatus.AtRisk, (await h.TrackingAsync(platinum))!.Status);
    }

    [Fact]
    public async Task Reconcile_DuplicateAndConcurrentRuns_ConvergeOnTheSameStateAsOneRun()
    {
        var (single, singleIds) = await SettledAsync();
        var (racing, racingIds) = await SettledAsync();
        var slipped = single.Today.AddDays(25).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await single.EtaAsync("e-1", "L1", T0, slipped);
        await racing.EtaAsync("e-1", "L1", T0, slipped);

        await single.ReconcileAsync("KB-75");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => racing.ReconcileAsync("KB-75"), ReconciliationHarness.Ct)));
        await racing.ReconcileAsync("KB-75");

        for (var i = 0; i < singleIds.Length; i++)
        {
            var expected = (await single.TrackingAsync(singleIds[i]))!;
            var actual = (await racing.TrackingAsync(racingIds[i]))!;
            Assert.Equal((expected.Status, expected.Estimate, expected.AllocatedUnits), (actual.Status, actual.Estimate, actual.AllocatedUnits));
            Assert.Equal(expected.Pegs, actual.Pegs);
        }

        Assert.Equal(single.NotificationIds.Count, racing.NotificationIds.Distinct().Count());
        Assert.Equal(await single.Ordering.ReservedAsync("KB-75"), await racing.Ordering.ReservedAsync("KB-75"));
    }

    [Fact]
    public async Task EtaUpdates_OutOfOrder_TheOlderIsStaleAndTheNewerDateStands()
    {
        var (h, ids) = await SettledAsync();
        var newer = h.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var older = h.Today.AddDays(15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await h.EtaAsync("e-2", "L1", T0.AddHours(2), newer);
        var stale = Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("e-1", "L1", T0.AddHours(1), older));
        var duplicate = Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("e-2", "L1", T0.AddHours(2), older));
        await h.ReconcileAsync("KB-75");

        Assert.Equal(SupplierEventOutcome.Stale, stale.Acknowledgement.Outcome);
        Assert.Equal(SupplierEventOutcome.Duplicate, duplicate.Acknowledgement.Outcome);
        Assert.Empty(stale.AffectedSkus);
        Assert.Equal(h.Today.AddDays(32), (await h.TrackingAsync(ids[2]))!.Estimate);
    }

    [Fact]
    public async Task SupplierLots_AfterReconcile_ShowPeggedOrdersAndEarliestPromise()
    {
        var (h, ids) = await SettledAsync(orders: 4);

        var lot = Assert.Single(await h.LotsQuery.ListAsync("acme", ReconciliationHarness.Ct));

        Assert.Equal(("L1", 10, 0, 0), (lot.LotId, lot.Ordered, lot.Received, lot.Cancelled));
        Assert.Equal(2, lot.PeggedOrders);
        Assert.Equal(2, lot.PeggedUnits);
        Assert.Equal((await h.OrderAsync(ids[2])).Lines[0].Promise!.PromisedOn, lot.EarliestPromiseDate);
        Assert.Single(lot.EtaHistory);
    }

    [Fact]
    public async Task LotHistory_CountsTheReturnToVendorClaimsReturnsRecordedPerLot()
    {
        var (h, _) = await SettledAsync();
        var store = h.Ordering.Store;
        await store.CreateTableIfNotExistsAsync(h.Claims.SupplierClaimsTable, ReconciliationHarness.Ct);

        // Rows as returns writes them: partition = supplier id, the lot id when known.
        foreach (var (supplier, claimId, lotId) in new[] { ("acme", "c-1", "L1"), ("acme", "c-2", "L1"), ("acme", "c-3", (string?)null), ("other", "c-4", "L1") })
        {
            var row = new Application.Storage.TableEntity(supplier, claimId, new Dictionary<string, object?> { ["LotId"] = lotId, ["Sku"] = "KB-75" });
            Assert.True((await store.UpsertAsync(h.Claims.SupplierClaimsTable, row, merge: false, ReconciliationHarness.Ct)).Succeeded);
        }

        var lot = Assert.Single(await h.LotsQuery.GetLotsAsync("acme", ReconciliationHarness.Ct));

        Assert.Equal("L1", lot.LotId);
        Assert.Equal(2, lot.ReturnToVendorClaims);
    }

    [Fact]
    public async Task EtaUpdate_ForUnknownLotOrSku_IsRefused()
    {
        var (h, _) = await SettledAsync();

        Assert.IsType<SupplierLotEventResult.UnknownLot>(await h.EtaAsync("x-1", "NOPE", T0, "2026-04-01"));
        var invalid = Assert.IsType<SupplierLotEventResult.Invalid>(await h.EtaAsync("x-2", "L1", T0, "2026-04-01", [new SupplierLotLineRequest("OTHER-1", 1)]));
        Assert.Contains("lines[0].sku", invalid.Errors.Keys);
        var badDate = Assert.IsType<SupplierLotEventResult.Invalid>(await h.EtaAsync("x-3", "L1", T0, "next week"));
        Assert.Contains("newEta", badDate.Errors.Keys);
    }

    private static async Task<int> OutboxRowsAsync(ReconciliationHarness h)
    {
        var count = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in h.Ordering.Store.QueryAllAsync(h.Ordering.Options.OrdersTable, TableFilter.RowPrefix(partition, OutboxRows.Prefix), 100, ReconciliationHarness.Ct))
            {
                count++;
            }
        }

        return count;
    }
}
