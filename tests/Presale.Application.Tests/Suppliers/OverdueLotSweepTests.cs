using System.Globalization;
using Presale.Adapters.InMemory;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Tests.Reconciliation;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Tests.Suppliers;

public sealed class OverdueLotSweepTests
{
    private static CancellationToken Ct => ReconciliationHarness.Ct;

    /// <summary>Shop in Berlin (2 handling days); KB-75 with 1 on hand and lot L1 of 10 due in 10 days; one order on hand, one waiting on the lot.</summary>
    private static async Task<(ReconciliationHarness H, string[] Orders)> SettledAsync(ITableStore? store = null)
    {
        var h = new ReconciliationHarness(store);
        await h.Ordering.ConfigureShopAsync();
        await h.RegisterSupplierAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 1, lot: ("L1", 10, 10));
        string[] ids = [await h.PlaceAsync("KB-75", 1), await h.PlaceAsync("KB-75", 1)];
        Assert.Equal(ReconcileOutcome.Reconciled, (await h.ReconcileAsync("KB-75")).Outcome);
        return (h, ids);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> OverdueMessages(ReconciliationHarness h, string lotId) =>
        [.. h.Ordering.Publisher.Published
            .Where(p => p.Queue == h.Ordering.Options.ReconcileQueue && p.Message.MessageId.StartsWith($"supply|acme|overdue|{lotId}|", StringComparison.Ordinal))
            .Select(p => p.Message.MessageId)];

    private static async Task<List<string>> IndexRowsAsync(ReconciliationHarness h)
    {
        var rows = new List<string>();
        await foreach (var row in h.Ordering.Store.QueryAllAsync(h.Ordering.Options.LotsTable, TableFilter.RowPrefix("acme", LotEtaIndex.Prefix), 100, Ct))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }

    [Fact]
    public async Task Sweep_AfterTheEtaPassedSilently_EstimatesAnEtaAndTheWaitingCustomerIsToldBeforeThePromisePasses()
    {
        var (h, ids) = await SettledAsync();
        var eta = h.Today.AddDays(10);
        var promise = (await h.OrderAsync(ids[1])).Lines[0].Promise!.PromisedOn;
        h.Ordering.Time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(1, await h.Overdue.RunAsync(Ct));

        var lot = (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!;
        Assert.Equal(h.Today.AddDays(3), lot.Eta);
        Assert.Equal((h.Today.AddDays(3), true), (lot.EtaHistory[^1].Eta, lot.EtaHistory[^1].SystemEstimated));
        Assert.Null(lot.EtaHistory[0].SystemEstimated);
        Assert.Equal([$"supply|acme|overdue|L1|{Date(eta)}|KB-75"], OverdueMessages(h, "L1"));
        Assert.Equal([LotEtaIndex.RowKey(h.Today.AddDays(3), "L1")], await IndexRowsAsync(h));

        await h.ReconcileAsync("KB-75");

        var tracking = (await h.TrackingAsync(ids[1]))!;
        Assert.Equal(PromiseStatus.AtRisk, tracking.Status);
        Assert.Equal(h.Today.AddDays(5), tracking.Estimate);
        var delay = Assert.Single(h.DelayConsent.Calls);
        Assert.Equal((ids[1], promise, h.Today.AddDays(5)), (delay.Order.OrderId, delay.Order.OriginalPromise, delay.Revised));
        Assert.True(h.Today <= promise, $"The notice came on {h.Today}, after the promise {promise}.");
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ids[0]))!.Status);

        // The supplier sees the estimate as such; the scorecard counts it as a slip and a silent overrun.
        var view = Assert.Single(await h.LotsQuery.ListAsync("acme", Ct));
        Assert.True(view.EtaHistory[^1].SystemEstimated == true);
        var history = Assert.Single(await h.LotsQuery.GetLotsAsync("acme", Ct));
        Assert.Equal((1, 1), (history.SilentOverruns, history.EffectiveEtaChanges));
    }

    [Fact]
    public async Task Sweep_RunAgain_ChangesNothingUntilTheEstimatePassesToo()
    {
        var (h, _) = await SettledAsync();
        h.Ordering.Time.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, await h.Overdue.RunAsync(Ct));
        var published = h.Ordering.Publisher.Published.Count;

        Assert.Equal(0, await h.Overdue.RunAsync(Ct));
        Assert.Equal(published, h.Ordering.Publisher.Published.Count);
        Assert.Equal(2, (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!.EtaHistory.Count);

        h.Ordering.Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await h.Overdue.RunAsync(Ct));
        var lot = (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!;
        Assert.Equal(h.Today.AddDays(3), lot.Eta);
        Assert.Equal(3, lot.EtaHistory.Count);
        Assert.Equal(2, OverdueMessages(h, "L1").Count);
        Assert.Equal(2, Assert.Single(await h.LotsQuery.GetLotsAsync("acme", Ct)).SilentOverruns);
    }

    [Fact]
    public async Task Sweep_TwoAtOnce_RevisesTheLotOnce()
    {
        var store = new InterposingTableStore(new InMemoryTableStore());
        var (h, _) = await SettledAsync(store);
        h.Ordering.Time.Advance(TimeSpan.FromDays(11));

        // Both sweeps read the lot before either writes.
        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.AfterRead = (table, rowKey) =>
        {
            if (table != h.Ordering.Options.LotsTable || rowKey != "L1")
            {
                return Task.CompletedTask;
            }

            if (Interlocked.Increment(ref arrived) >= 2)
            {
                both.TrySetResult();
            }

            return both.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        };

        var runs = await Task.WhenAll(Task.Run(() => h.Overdue.RunAsync(Ct), Ct), Task.Run(() => h.Overdue.RunAsync(Ct), Ct));

        Assert.True(arrived >= 3, $"Both sweeps read the lot, and the loser read it again ({arrived} reads, runs {string.Join(",", runs)}).");
        Assert.Equal(1, runs.Sum());
        var lot = (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!;
        Assert.Single(lot.EtaHistory, e => e.SystemEstimated == true);
        Assert.Single(OverdueMessages(h, "L1"));
        Assert.Equal([LotEtaIndex.RowKey(lot.Eta, "L1")], await IndexRowsAsync(h));
    }

    [Fact]
    public async Task Sweep_LeavesLotsReceivedCancelledOrNotDueAlone_AndDropsTheirStaleIndexRows()
    {
        var h = new ReconciliationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.RegisterSupplierAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 0, lot: ("L1", 10, 10));
        await h.Ordering.CreateSkuAsync("KB-76", 0, lot: ("L2", 10, 10));
        await h.Ordering.CreateSkuAsync("KB-77", 0, lot: ("L3", 10, 30));
        var at = h.Ordering.Time.GetUtcNow();
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", at, ("KB-75", 10)));
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("c-1", "L2", at, null, cancelled: true));
        h.Ordering.Time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(0, await h.Overdue.RunAsync(Ct));

        Assert.DoesNotContain(h.Ordering.Publisher.Published, p => p.Message.MessageId.Contains("|overdue|", StringComparison.Ordinal));
        foreach (var (lotId, days) in new[] { ("L1", 10), ("L2", 10), ("L3", 30) })
        {
            var lot = (await h.Ordering.Lots.GetAsync("acme", lotId, Ct))!;
            Assert.Equal(h.Today.AddDays(days - 11), lot.Eta);
            Assert.DoesNotContain(lot.EtaHistory, e => e.SystemEstimated == true);
        }

        Assert.Equal([LotEtaIndex.RowKey(h.Today.AddDays(19), "L3")], await IndexRowsAsync(h));
    }

    [Fact]
    public async Task Sweep_AfterTheSupplierMovedTheEta_WaitsForTheNewDate()
    {
        var (h, _) = await SettledAsync();
        var moved = h.Today.AddDays(20);
        h.Ordering.Time.Advance(TimeSpan.FromDays(5));
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("e-1", "L1", h.Ordering.Time.GetUtcNow(), Date(moved)));

        h.Ordering.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await h.Overdue.RunAsync(Ct));
        Assert.Equal(moved, (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!.Eta);
        Assert.Equal([LotEtaIndex.RowKey(moved, "L1")], await IndexRowsAsync(h));

        h.Ordering.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await h.Overdue.RunAsync(Ct));
        Assert.Equal(h.Today.AddDays(3), (await h.Ordering.Lots.GetAsync("acme", "L1", Ct))!.Eta);
    }

    [Fact]
    public async Task Sweep_FindsLotsThroughTheEtaIndexInPages_WithoutScanningTheLotsTable()
    {
        var store = new InterposingTableStore(new InMemoryTableStore());
        var h = new ReconciliationHarness(store);
        await h.Ordering.ConfigureShopAsync();
        await h.RegisterSupplierAsync();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await h.Ordering.CreateSkuAsync($"KB-{i}", 0, lot: ($"L{i}", 10, 10 + i));
        }

        h.Ordering.Time.Advance(TimeSpan.FromDays(20));
        while (store.Queries.TryDequeue(out _))
        {
        }

        var sweep = h.OverdueSweep(new SuppliersOptions { SuppliersTable = h.SuppliersOptions.SuppliersTable, OverdueSweepPageSize = 1, OverdueLotGraceDays = 7 });
        Assert.Equal(3, await sweep.RunAsync(Ct));

        var lotQueries = store.Queries.Where(q => q.Table == h.Ordering.Options.LotsTable).ToList();
        Assert.True(lotQueries.Count >= 3, $"Read in pages of one row: {lotQueries.Count} pages.");
        Assert.All(lotQueries, q =>
        {
            Assert.Equal(1, q.PageSize);
            Assert.Equal(TableFilter.Partition("acme") & TableFilter.Ge("RowKey", LotEtaIndex.Prefix) & TableFilter.Lt("RowKey", LotEtaIndex.Prefix + Date(h.Today)), q.Filter);
        });
        foreach (var i in Enumerable.Range(1, 3))
        {
            Assert.Equal(h.Today.AddDays(7), (await h.Ordering.Lots.GetAsync("acme", $"L{i}", Ct))!.Eta);
        }
    }

    [Fact]
    public void Options_Defaults_AreValidAndOutOfRangeValuesAreNamed()
    {
        var defaults = new SuppliersOptions { SecretEncryptionKey = SuppliersOptions.DevelopmentSecretEncryptionKey };
        Assert.Empty(defaults.Validate());
        Assert.Equal((3, 100), (defaults.OverdueLotGraceDays, defaults.OverdueSweepPageSize));

        var bad = new SuppliersOptions { SecretEncryptionKey = SuppliersOptions.DevelopmentSecretEncryptionKey, OverdueLotGraceDays = 0, OverdueSweepPageSize = 1001 };
        var errors = bad.Validate();
        Assert.Contains(errors, e => e.Contains("Presale:Suppliers:OverdueLotGraceDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Presale:Suppliers:OverdueSweepPageSize", StringComparison.Ordinal));
    }
}
