using Microsoft.Extensions.Logging;
using Presale.Application.Compensation;
using Presale.Application.Orders;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;
using Presale.Testing;

namespace Presale.Application.Tests.Compensation;

public sealed class CompensationSweepTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_TenDaysAfterThePromise_IssuesTiersOneAndTwoOnce_AndIndexesTheOrderForTierThree()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);
        Assert.Equal([PromiseDueIndex.RowKey(promise.AddDays(1), orderId)], await h.IndexRowsAsync());

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(10), Berlin).AddHours(9));
        var first = await h.Sweep().RunAsync(Ct);
        var second = await h.Sweep().RunAsync(Ct);

        Assert.Equal(2, first.AwardsIssued);
        Assert.Equal(0, second.AwardsIssued);
        var credits = await h.CreditRowsAsync("customer-1");
        Assert.Equal([CompensationAward.KeyFor(orderId, 1), CompensationAward.KeyFor(orderId, 2)], credits.Select(c => c.RowKey).Order());
        Assert.All(credits, c => Assert.Equal(5m, c.GetDecimal("Amount")));
        Assert.All(credits, c => Assert.True(c.GetBoolean("Notified")));
        var notices = h.Notices();
        Assert.Equal(["notif:compensation-issued:" + orderId + ":1", "notif:compensation-issued:" + orderId + ":2"], notices.Select(n => n.DeduplicationKey));
        Assert.All(notices, n => Assert.Equal(NotificationKind.CompensationIssued, n.Notification.Kind));
        Assert.Equal([PromiseDueIndex.RowKey(promise.AddDays(15), orderId)], await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_BeforeThePromisePassed_IssuesNothingAndKeepsTheRow()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);

        // The last minute of the promised day in Berlin: not late yet, and the row is not even due.
        h.Time.SetUtcNow(ShopCalendar.PromisePassesAt(promise, Berlin).AddMinutes(-1));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(0, result.OrdersVisited);
        Assert.Empty(await h.CreditRowsAsync("customer-1"));
        Assert.Single(await h.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_CancelledOrder_IsNeverCompensatedAndLeavesTheIndex()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = await PromiseAsync(h, orderId);
        await h.Ordering.Cancel.CancelAsync(orderId, null, Ct);

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(20), Berlin));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(1, result.Dropped);
        Assert.Empty(await h.CreditRowsAsync("customer-1"));
        Assert.Empty(await h.IndexRowsAsync());
    }

    [Fact]
    public async Task TwoSweepsInParallel_OverTheSameOrders_IssueEachTierOnce()
    {
        var h = new CompensationHarness(pageSize: 7);
        await h.SetUpShopAsync();
        var orders = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            orders.Add(await h.PlaceAsync("k-" + i));
        }

        var promise = await PromiseAsync(h, orders[0]);
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(16), Berlin));
        // Both sweeps read each order's credits before either inserts one: every award is raced for.
        var gate = new ReadGateTableStore(h.Faults);
        gate.ArmQueries(h.Options.CreditsTable, parties: 2);
        var results = await Task.WhenAll(Task.Run(() => h.Sweep(store: gate).RunAsync(Ct), Ct), Task.Run(() => h.Sweep(store: gate).RunAsync(Ct), Ct));

        Assert.All(results, r => Assert.Equal(0, r.Failed));
        var credits = await h.CreditRowsAsync("customer-1");
        var keys = orders.SelectMany(o => new[] { 1, 2, 3 }.Select(t => CompensationAward.KeyFor(o, t))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keys, credits.Select(c => c.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, results.Sum(r => r.AwardsIssued));
        // Each award's second insert met AlreadyExists: the overlap really happened, and the key held.
        var refused = gate.RefusedWrites.Where(w => w.Table == h.Options.CreditsTable).ToList();
        Assert.All(refused, w => Assert.Equal(Application.Storage.WriteStatus.AlreadyExists, w.Status));
        Assert.Equal(keys, refused.Select(w => w.RowKey).Order(StringComparer.Ordinal));
        Assert.All(credits, c => Assert.True(c.GetBoolean("Notified")));
        Assert.Equal(keys.Count, h.Notices().Select(n => n.DeduplicationKey).Distinct().Count());
        Assert.Empty(await h.IndexRowsAsync());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(30)]
    [InlineData(55)]
    public async Task SweepThatDiesHalfWay_Rerun_IssuesEachTierOnceAndPublishesEveryNotice(int dieAtCall)
    {
        var h = new CompensationHarness(pageSize: 4);
        await h.SetUpShopAsync();
        var orders = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            orders.Add(await h.PlaceAsync("k-" + i));
        }

        var promise = await PromiseAsync(h, orders[0]);
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(9), Berlin));
        h.Faults.Arm(failFrom: dieAtCall);
        // Storage goes away: the orders in flight fail one by one (counted), and an index read after that ends the run
        // with the error. Whether the rows' parallel workers have already read the last index page when storage goes
        // away depends on scheduling, so the run either throws or reports its failed orders; it never ends clean.
        var died = await Record.ExceptionAsync(async () => Assert.NotEqual(0, (await h.Sweep().RunAsync(Ct)).Failed));
        Assert.True(died is null or IOException, $"The sweep ended with {died}");
        h.Faults.Disarm();
        await h.Sweep().RunAsync(Ct);
        await h.Sweep().RunAsync(Ct);

        var credits = await h.CreditRowsAsync("customer-1");
        Assert.Equal(orders.Count * 2, credits.Count);
        Assert.All(credits, c => Assert.True(c.GetBoolean("Notified")));
        var keys = h.Notices().Select(n => n.DeduplicationKey).Distinct().Order().ToList();
        Assert.Equal(orders.SelectMany(o => new[] { 1, 2 }.Select(t => "notif:compensation-issued:" + o + ":" + t)).Order(), keys);
        Assert.Equal(orders.Select(o => PromiseDueIndex.RowKey(promise.AddDays(15), o)).Order(), (await h.IndexRowsAsync()).Order());
    }

    [Fact]
    public async Task Sweep_OrderInAnotherCurrencyThanTheShops_IsCompensatedInTheOrdersOwnCurrency_WithTheRestOfItsPage()
    {
        // The shop sells in EUR now; one order was placed (and paid) in CNY before the shop changed its currency.
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var promise = new DateOnly(2026, 3, 10);
        var keys = CompensationHarness.KeysInOnePartition(5);
        var currencies = new[] { "EUR", "EUR", "CNY", "EUR", "EUR" };
        var orders = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            orders.Add(await h.WriteConfirmedAsync(keys[i], "c" + i, promise, currencies[i]));
        }

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(1), Berlin).AddHours(1));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(0, result.Failed);
        Assert.Equal(5, result.AwardsIssued);
        for (var i = 0; i < orders.Count; i++)
        {
            var credit = Assert.Single(await h.CreditRowsAsync("c" + i));
            Assert.Equal(currencies[i], credit.GetString("Currency"));
            Assert.Equal(5m, credit.GetDecimal("Amount"));
        }

        var notice = Assert.Single(h.Notices(), n => n.Notification.OrderId == orders[2]);
        Assert.Equal("CNY", notice.Notification.Amount?.Currency);
        Assert.Equal(orders.Select(o => PromiseDueIndex.RowKey(promise.AddDays(8), o)).Order(StringComparer.Ordinal), (await h.IndexRowsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sweep_AnOrderThatThrowsInTheMiddleOfAPage_IsLoggedWithItsIdAndCounted_AndTheOrdersAfterItAreStillCompensated()
    {
        var h = new CompensationHarness(pageSize: 50);
        // One order at a time: the orders after the failing one are reached only if the sweep carries on past it.
        h.Options.SweepConcurrency = 1;
        await h.SetUpShopAsync();
        var promise = new DateOnly(2026, 3, 10);
        var customers = new Dictionary<string, string>();
        foreach (var key in CompensationHarness.KeysInOnePartition(7))
        {
            customers[await h.WriteConfirmedAsync(key, "c-" + key, promise)] = "c-" + key;
        }

        // Same partition and due date: the page lists them by order id; break the fourth.
        var orders = customers.Keys.Order(StringComparer.Ordinal).ToList();
        var broken = orders[3];
        await h.CorruptConsentCaseAsync(broken);
        var logger = new RecordingLogger<CompensationSweep>();

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(1), Berlin).AddHours(1));
        var result = await h.Sweep(logger).RunAsync(Ct);

        Assert.Equal(1, result.Failed);
        Assert.Equal([broken], result.FailedOrderIds);
        Assert.Equal(6, result.AwardsIssued);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(broken, StringComparison.Ordinal) && e.Exception is not null);
        Assert.Equal(
            orders.Select(o => PromiseDueIndex.RowKey(o == broken ? promise.AddDays(1) : promise.AddDays(8), o)).Order(StringComparer.Ordinal),
            (await h.IndexRowsAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(await h.CreditRowsAsync(customers[broken]));

        // Repaired, the order is compensated by the next run, and nothing else is issued again.
        Assert.True((await h.Observed.DeleteAsync(h.Ordering.Options.OrdersTable, OrderIds.PartitionOf(broken)!, "consent|" + broken, Application.Storage.ETag.Any, Ct)).Succeeded);
        var rerun = await h.Sweep().RunAsync(Ct);
        Assert.Equal((1, 0, 1), (rerun.OrdersVisited, rerun.Failed, rerun.AwardsIssued));
        Assert.Equal(7, h.Notices().Select(n => n.DeduplicationKey).Distinct().Count());
    }

    [Fact]
    public async Task SweepOutOfTime_StopsCleanly_AndTheNextRunsResume_UntilEachTierIsIssuedOnce()
    {
        var h = new CompensationHarness(pageSize: 5);
        h.Options.SweepTimeBudget = TimeSpan.FromSeconds(40);
        h.Options.SweepConcurrency = 3;
        await h.SetUpShopAsync();
        var promise = new DateOnly(2026, 3, 10);
        var orders = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            orders.Add(await h.WriteConfirmedAsync("slow-" + i, "customer-1", promise));
        }

        // Nine days late (tiers 1 and 2 due), on a store where every round trip takes a second: one run cannot do it all.
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(9), Berlin).AddHours(1));
        var slow = new ClockAdvancingTableStore(h.Faults, h.Time, TimeSpan.FromSeconds(1));
        var runs = new List<CompensationSweepResult>();
        do
        {
            runs.Add(await h.Sweep(store: slow).RunAsync(Ct));
        }
        while (runs[^1].OutOfTime && runs.Count < 50);

        Assert.True(runs.Count >= 3, $"{runs.Count} runs: the budget did not cut the sweep short.");
        Assert.All(runs[..^1], r => Assert.True(r.OutOfTime && r.OrdersVisited is > 0 and < 30, $"A run visited {r.OrdersVisited} orders."));
        Assert.False(runs[^1].OutOfTime);
        Assert.All(runs, r => Assert.Equal(0, r.Failed));
        // Every order was worked on by exactly one run: a finished order leaves the range, so the next run resumes after it.
        Assert.Equal(orders.Count, runs.Sum(r => r.OrdersVisited));
        var keys = orders.SelectMany(o => new[] { 1, 2 }.Select(t => CompensationAward.KeyFor(o, t))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keys, (await h.CreditRowsAsync("customer-1")).Select(c => c.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, runs.Sum(r => r.AwardsIssued));
        Assert.Equal(keys.Count, h.Notices().Count);
        Assert.Equal(orders.Select(o => PromiseDueIndex.RowKey(promise.AddDays(15), o)).Order(StringComparer.Ordinal), (await h.IndexRowsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await h.Sweep(store: slow).RunAsync(Ct)).OrdersVisited);
    }

    [Fact]
    public async Task Sweep_Over5000DueOrders_ReadsBoundedPagesOfOnePartitionAndIssuesEachOnce()
    {
        var h = new CompensationHarness(pageSize: 100);
        await h.SetUpShopAsync();
        var promise = new DateOnly(2026, 3, 10);
        for (var i = 0; i < 5000; i++)
        {
            await h.WriteConfirmedAsync("bulk-" + i, "c" + (i % 50), promise);
        }

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(1), Berlin).AddHours(1));
        h.Observed.Queries.Clear();
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(5000, result.OrdersVisited);
        Assert.Equal(5000, result.AwardsIssued);
        Assert.Equal(5000, result.Reindexed);
        var queries = h.Observed.Queries.ToList();
        Assert.All(queries, q => Assert.True(q.OnePartition, $"A query on {q.Table} did not pin a partition."));
        var indexPages = queries.Where(q => q.Table == h.Ordering.Options.OrdersTable).ToList();
        Assert.All(indexPages, q => Assert.True(q.PageSize <= 100 && q.Rows <= 100));
        Assert.True(indexPages.Count >= 5000 / 100, $"{indexPages.Count} index pages for 5,000 rows.");
        var credits = 0;
        for (var c = 0; c < 50; c++)
        {
            credits += (await h.CreditRowsAsync("c" + c)).Count;
        }

        Assert.Equal(5000, credits);
        Assert.Equal(0, (await h.Sweep().RunAsync(Ct)).OrdersVisited);
    }

    private static async Task<DateOnly> PromiseAsync(CompensationHarness h, string orderId) =>
        (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Lines.Max(l => l.Promise!.PromisedOn);
}
