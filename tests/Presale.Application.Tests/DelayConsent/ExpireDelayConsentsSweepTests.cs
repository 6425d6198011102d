using Microsoft.Extensions.Logging;
using Presale.Application.DelayConsent;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Tests.Compensation;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Testing;

namespace Presale.Application.Tests.DelayConsent;

public sealed class ExpireDelayConsentsSweepTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expiry_ACaseThatThrowsInTheMiddleOfAPage_IsLoggedAndCounted_AndTheCasesAfterItAreStillCancelled()
    {
        var h = new CompensationHarness();
        // One row at a time: the cases after the failing one are reached only if the sweep carries on past it.
        h.Options.SweepConcurrency = 1;
        await h.SetUpShopAsync();
        var orders = new List<string>();
        DateTimeOffset deadline = default;
        foreach (var key in CompensationHarness.KeysInOnePartition(4))
        {
            var orderId = await h.PlaceAsync(key);
            var promise = (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Lines.Max(l => l.Promise!.PromisedOn);
            deadline = (await h.Service.RecordDelayAsync(new DelayedOrder(orderId, "customer-1", promise), promise.AddDays(31), Ct)).ConsentDeadline!.Value;
            orders.Add(orderId);
        }

        // Same partition and deadline: the page lists them by order id; break the second.
        orders.Sort(StringComparer.Ordinal);
        var broken = orders[1];
        var partition = OrderIds.PartitionOf(broken)!;
        var original = (await h.Observed.GetAsync(h.Ordering.Options.OrdersTable, partition, "consent|" + broken, Ct))!;
        await h.CorruptConsentCaseAsync(broken);
        var logger = new RecordingLogger<ExpireDelayConsentsSweep>();
        var sweep = new ExpireDelayConsentsSweep(h.Consents, h.Service, h.Outbox, h.Faults, h.Ordering.Options, h.Options, new Common.RandomSource(new Random(3)), h.Time, logger);

        h.Time.SetUtcNow(deadline);
        var result = await sweep.RunAsync(Ct);

        Assert.Equal((3, 1), (result.Expired, result.Failed));
        Assert.Equal([broken], result.FailedIds);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(broken, StringComparison.Ordinal) && e.Exception is not null);
        foreach (var orderId in orders)
        {
            var status = (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Status;
            Assert.Equal(orderId == broken ? OrderStatus.Confirmed : OrderStatus.Cancelled, status);
        }

        // Repaired, the case is cancelled by the next run; the others are not touched again.
        Assert.True((await h.Observed.UpsertAsync(h.Ordering.Options.OrdersTable, original, merge: false, Ct)).Succeeded);
        var rerun = await sweep.RunAsync(Ct);
        Assert.Equal((1, 0), (rerun.Expired, rerun.Failed));
        Assert.Equal(OrderStatus.Cancelled, (await h.Ordering.Orders.GetAsync(broken, Ct))!.Order.Status);
        Assert.Equal(4, h.Notices().Count(n => n.Notification.Kind == NotificationKind.CancelledAndRefunded));
    }

    [Fact]
    public async Task TwoExpirySweepsInParallel_BothReadTheCaseBeforeEitherWrites_CancelAndRefundOnce()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Lines.Max(l => l.Promise!.PromisedOn);
        var deadline = (await h.Service.RecordDelayAsync(new DelayedOrder(orderId, "customer-1", promise), promise.AddDays(31), Ct)).ConsentDeadline!.Value;
        var gate = new ReadGateTableStore(h.Faults);
        var consents = new DelayConsentStore(gate, h.Ordering.Options);
        var logger = new RecordingLogger<ExpireDelayConsentsSweep>();
        ExpireDelayConsentsSweep Sweep(int seed) => new(consents, h.Service, h.Outbox, gate, h.Ordering.Options, h.Options, new Common.RandomSource(new Random(seed)), h.Time, logger);

        h.Time.SetUtcNow(deadline);
        gate.Arm("consent|", parties: 2);
        var results = await Task.WhenAll(Task.Run(() => Sweep(1).RunAsync(Ct), Ct), Task.Run(() => Sweep(2).RunAsync(Ct), Ct));

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        Assert.Equal((1, 1), (results.Sum(r => r.Expired), results.Sum(r => r.Finished)));
        // The loser's write of the case met the winner's version: the overlap really happened.
        Assert.Single(gate.RefusedWrites, w => w.RowKey == "consent|" + orderId && w.Status == WriteStatus.PreconditionFailed);
        var order = (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order;
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(order.Total, order.RefundDue);
        Assert.Single(h.Notices(), n => n.Notification.Kind == NotificationKind.CancelledAndRefunded);
    }

    [Fact]
    public async Task Expiry_ANotificationRowThatCannotBeRead_IsCountedAndKept_AndTheRowsAroundItArePublished()
    {
        var h = new CompensationHarness();
        h.Options.SweepConcurrency = 1;
        await h.SetUpShopAsync();
        var partition = OrderIds.Partitions[5];
        var shop = new NotificationContext("en", Berlin);
        var at = h.Time.GetUtcNow();
        var first = NotificationMessage.From(h.Composer.AtRisk(shop, "o05" + new string('a', 24), "customer-1", new DateOnly(2026, 3, 20)), at);
        var last = NotificationMessage.From(h.Composer.AtRisk(shop, "o05" + new string('b', 24), "customer-1", new DateOnly(2026, 3, 20)), at.AddSeconds(2));
        var brokenKey = NotificationOutbox.Prefix + at.AddSeconds(1).UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|notif:broken";
        await h.Observed.CreateTableIfNotExistsAsync(h.Ordering.Options.OrdersTable, Ct);
        var written = await h.Observed.SubmitTransactionAsync(h.Ordering.Options.OrdersTable,
        [
            NotificationOutbox.Insert(partition, first),
            TableOperation.Insert(new TableEntity(partition, brokenKey, new Dictionary<string, object?> { ["Body"] = "{\"notification\": 42" })),
            NotificationOutbox.Insert(partition, last),
        ], Ct);
        Assert.True(written.Succeeded);

        h.Time.Advance(h.Options.NotificationOutboxGrace + TimeSpan.FromMinutes(1));
        var result = await h.Expiry.RunAsync(Ct);

        Assert.Equal((2, 1), (result.Published, result.Failed));
        Assert.Equal([brokenKey], result.FailedIds);
        Assert.Equal([first.DeduplicationKey, last.DeduplicationKey], h.Notices().Select(n => n.DeduplicationKey));
        var left = new List<string>();
        await foreach (var row in h.Observed.QueryAllAsync(h.Ordering.Options.OrdersTable, TableFilter.RowPrefix(partition, NotificationOutbox.Prefix), 100, Ct))
        {
            left.Add(row.RowKey);
        }

        Assert.Equal([brokenKey], left);
    }
}
