using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.DelayConsent;
using Presale.Domain.Notifications;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Reconciliation;

/// <summary>
/// The whole path in standalone mode on Azurite: orders placed over HTTP, a signed supplier ETA slip, the reconcile
/// message through the outbox and the local broker to <c>ReconcileSku</c>, the customers' notifications through the
/// notifications queue into their feed, then a signed receipt. Unique table and queue names per test; polling with a
/// deadline, never a fixed sleep; the slip is timed from the supplier's post to the last customer's delay notice.
/// </summary>
public sealed class ReconciliationEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "reconcile-e2e-key";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The most an ETA slip may take to reach the affected orders and their customers' feeds.</summary>
    private static readonly TimeSpan SlipBudget = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EtaSlip_DelaysOrdersOnTheLotAndRecordsTheirNotifications_ReceiptMakesThemReadyToShip()
    {
        await using var app = CreateApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        foreach (var sku in new[] { "SKU-A", "SKU-B" })
        {
            await SendAsync(client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        }

        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        var eta = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LA","purchaseOrderReference":"PO-A","eta":"{{eta}}","lines":[{"sku":"SKU-A","quantity":10}]}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LB","purchaseOrderReference":"PO-B","eta":"{{eta}}","lines":[{"sku":"SKU-B","quantity":10}]}""", HttpStatusCode.Created);

        var onA = new[] { await PlaceAsync(client, "SKU-A", "cust-a1"), await PlaceAsync(client, "SKU-A", "cust-a2") };
        var onB = await PlaceAsync(client, "SKU-B", "cust-b1");
        foreach (var id in onA.Append(onB))
        {
            await EventuallyAsync(client, id, t => t?["status"]?.GetValue<string>() == "onTrack");
        }

        var trackedB = (await TrackingAsync(client, onB))!.ToJsonString();
        var feedB = await ConfirmedFeedAsync(client, "cust-b1");

        // Unsigned: refused before anything is read.
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/suppliers/acme/eta-updates") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(unsigned, Ct)).StatusCode);
        }

        var slipped = today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slip = $$"""{"eventId":"eta-1","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LA","newEta":"{{slipped}}","reason":"vessel delayed"}""";
        var clock = Stopwatch.StartNew();
        var applied = await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret);
        Assert.Equal("applied", applied["outcome"]!.GetValue<string>());

        // Measured from the supplier's post: every affected order at risk and its delay notice in the customer's feed.
        await UntilAsync(async () =>
        {
            foreach (var id in onA)
            {
                if ((await TrackingAsync(client, id))?["status"]?.GetValue<string>() != "atRisk")
                {
                    return false;
                }
            }

            foreach (var customer in new[] { "cust-a1", "cust-a2" })
            {
                if (!(await FeedAsync(client, customer))["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed"))
                {
                    return false;
                }
            }

            return true;
        }, SlipBudget);
        var elapsed = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"ETA slip to orders at risk and delay notices recorded: {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(elapsed <= SlipBudget, $"Took {elapsed}, more than {SlipBudget}.");

        foreach (var id in onA)
        {
            var tracking = await TrackingAsync(client, id);
            Assert.Equal("atRisk", tracking!["status"]!.GetValue<string>());
            Assert.Equal(today.AddDays(22).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tracking!["estimate"]!.GetValue<string>());
        }

        foreach (var customer in new[] { "cust-a1", "cust-a2" })
        {
            Assert.Single((await FeedAsync(client, customer))["items"]!.AsArray(), i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed");
        }

        // The other SKU's customer: neither the order nor the notification feed moved.
        Assert.Equal(trackedB, (await TrackingAsync(client, onB))!.ToJsonString());
        Assert.Equal(feedB.ToJsonString(), (await FeedAsync(client, "cust-b1")).ToJsonString());

        var duplicate = await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret);
        Assert.Equal("duplicate", duplicate["outcome"]!.GetValue<string>());
        Assert.Equal(trackedB, (await TrackingAsync(client, onB))!.ToJsonString());

        var receipt = $$"""{"eventId":"rcv-1","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LA","lines":[{"sku":"SKU-A","quantity":10}]}""";
        Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/receipts", receipt, secret))["outcome"]!.GetValue<string>());
        foreach (var id in onA)
        {
            await EventuallyAsync(client, id, t => t?["status"]?.GetValue<string>() == "readyToShip");
        }

        var supply = await SendAsync(client, HttpMethod.Get, "/api/skus/SKU-A/supply", null, HttpStatusCode.OK);
        Assert.Equal(10, supply["onHand"]!.GetValue<int>());
        var lots = await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/lots", null, HttpStatusCode.OK, array: true);
        Assert.Equal(2, lots["items"]!.AsArray().Count);
        Assert.Equal(trackedB, (await TrackingAsync(client, onB))!.ToJsonString());
        Assert.Equal(feedB.ToJsonString(), (await FeedAsync(client, "cust-b1")).ToJsonString());
    }

    [Fact]
    public async Task EtaSlip_WithAnEventTopic_HandsTheSenderLotAtRiskAndTheDelayedOrdersAsServiceBusMessages()
    {
        // The real publisher and mapping; only the client is the SDK's test double (no namespace is reachable here).
        var bus = new FakeServiceBusClient();
        await using var app = CreateApp().WithEventsOn(bus);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/SKU-A", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LA","purchaseOrderReference":"PO-A","eta":"{{today.AddDays(10):yyyy-MM-dd}}","lines":[{"sku":"SKU-A","quantity":10}]}""", HttpStatusCode.Created);
        var orders = new[] { await PlaceAsync(client, "SKU-A", "cust-a1"), await PlaceAsync(client, "SKU-A", "cust-a2") };
        foreach (var id in orders)
        {
            await EventuallyAsync(client, id, t => t?["status"]?.GetValue<string>() == "onTrack");
        }

        var slip = $$"""{"eventId":"eta-1","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LA","newEta":"{{today.AddDays(20):yyyy-MM-dd}}","reason":"vessel delayed"}""";
        Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret))["outcome"]!.GetValue<string>());
        await UntilAsync(() => Task.FromResult(bus.Sent.Count(m => m.Subject == "order.delayed") == orders.Length), Deadline);

        var sender = Assert.Single(bus.Senders);
        Assert.Equal("events", sender.EntityPath);
        var risk = Assert.Single(bus.Sent, m => m.Subject == "supplier.lot-at-risk");
        Assert.Equal("lot-at-risk:acme:LA:eta-1", risk.MessageId);
        Assert.Equal(("acme", "LA", "SKU-A", "|SKU-A|"), ((string)risk.ApplicationProperties["supplierId"], (string)risk.ApplicationProperties["lotId"], (string)risk.ApplicationProperties["sku"], (string)risk.ApplicationProperties["skus"]));
        var riskData = JsonNode.Parse(risk.Body.ToString())!["data"]!;
        Assert.Equal((2, $"{today.AddDays(10):yyyy-MM-dd}", $"{today.AddDays(20):yyyy-MM-dd}"), (riskData["orders"]!.GetValue<int>(), riskData["previousEta"]!.GetValue<string>(), riskData["eta"]!.GetValue<string>()));
        foreach (var (id, customer) in orders.Zip(["cust-a1", "cust-a2"]))
        {
            var confirmed = Assert.Single(bus.Sent, m => m.Subject == "order.confirmed" && (string)m.ApplicationProperties["orderId"] == id);
            Assert.Equal(customer, confirmed.ApplicationProperties["customerId"]);
            var delayed = Assert.Single(bus.Sent, m => m.Subject == "order.delayed" && (string)m.ApplicationProperties["orderId"] == id);
            Assert.Equal(NotificationKeys.Delayed(id, 1), delayed.MessageId);
            Assert.Equal((customer, false), ((string)delayed.ApplicationProperties["customerId"], (bool)delayed.ApplicationProperties["consentRequired"]));
            Assert.Equal(("application/json", id), (delayed.ContentType, delayed.CorrelationId));
            Assert.Equal($"{today.AddDays(22):yyyy-MM-dd}", JsonNode.Parse(delayed.Body.ToString())!["data"]!["revisedDate"]!.GetValue<string>());
        }

        // The notices reached the customers' feeds as well: the topic is in addition to the notification webhook path.
        foreach (var customer in new[] { "cust-a1", "cust-a2" })
        {
            await UntilAsync(async () => (await FeedAsync(client, customer))["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed"), Deadline);
        }
    }

    [Fact]
    public async Task OverdueLot_WithoutWordFromTheSupplier_TheSweepDelaysItsOrdersAndTheirCustomersAreToldBeforeThePromise()
    {
        var time = new ShiftedTimeProvider();
        await using var app = CreateApp()
            .With("Presale:Suppliers:OverdueLotGraceDays", "3")
            .WithTime(time);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        foreach (var sku in new[] { "SKU-A", "SKU-B" })
        {
            await SendAsync(client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        }

        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LA","purchaseOrderReference":"PO-A","eta":"{{today.AddDays(10):yyyy-MM-dd}}","lines":[{"sku":"SKU-A","quantity":10}]}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LB","purchaseOrderReference":"PO-B","eta":"{{today.AddDays(30):yyyy-MM-dd}}","lines":[{"sku":"SKU-B","quantity":10}]}""", HttpStatusCode.Created);
        var onA = await PlaceAsync(client, "SKU-A", "cust-a1");
        var onB = await PlaceAsync(client, "SKU-B", "cust-b1");
        foreach (var id in new[] { onA, onB })
        {
            await EventuallyAsync(client, id, t => t?["status"]?.GetValue<string>() == "onTrack");
        }

        var promiseA = (await SendAsync(client, HttpMethod.Get, $"/api/orders/{onA}", null, HttpStatusCode.OK))["lines"]![0]!["promiseDate"]!.GetValue<string>();
        Assert.Equal(today.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), promiseA);
        var trackedB = (await TrackingAsync(client, onB))!.ToJsonString();
        var feedB = await ConfirmedFeedAsync(client, "cust-b1");

        // Lot LA's ETA passes with no receipt and no word from the supplier; the hourly sweep runs the day after.
        time.Shift(TimeSpan.FromDays(11));
        var clock = Stopwatch.StartNew();
        await FunctionRuns.SucceedsAsync(app.Services, "OverdueLotSweeper");

        await UntilAsync(async () =>
            (await TrackingAsync(client, onA))?["status"]?.GetValue<string>() == "atRisk"
            && (await FeedAsync(client, "cust-a1"))["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed"), SlipBudget);
        TestContext.Current.TestOutputHelper?.WriteLine($"Overdue sweep to delay notice recorded: {clock.Elapsed.TotalMilliseconds:F0} ms");

        var sweptToday = today.AddDays(11);
        var tracking = await TrackingAsync(client, onA);
        Assert.Equal(sweptToday.AddDays(3 + 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tracking!["estimate"]!.GetValue<string>());
        var notice = Assert.Single((await FeedAsync(client, "cust-a1"))["items"]!.AsArray(), i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed")!["notification"]!;
        Assert.Equal(promiseA, notice["promisedDate"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(sweptToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), promiseA) <= 0, "The notice came before the promise passed.");

        // The supplier view shows the estimate as Presale's; the scorecard counts the silent overrun.
        var lots = (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/lots", null, HttpStatusCode.OK, array: true))["items"]!.AsArray();
        var lotA = lots.Single(l => l!["lotId"]!.GetValue<string>() == "LA")!;
        Assert.Equal(sweptToday.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lotA["eta"]!.GetValue<string>());
        Assert.True(lotA["etaHistory"]!.AsArray()[^1]!["systemEstimated"]!.GetValue<bool>());
        Assert.Equal(1, (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/scorecard", null, HttpStatusCode.OK))["silentOverruns"]!.GetValue<int>());

        // The other SKU's lot is not due: its customer's order and feed did not move.
        Assert.Equal(trackedB, (await TrackingAsync(client, onB))!.ToJsonString());
        Assert.Equal(feedB.ToJsonString(), (await FeedAsync(client, "cust-b1")).ToJsonString());
    }

    /// <summary>The customer's feed once the order-confirmed notice has reached it (it is delivered through the queue).</summary>
    private static async Task<JsonObject> ConfirmedFeedAsync(HttpClient client, string customer)
    {
        await UntilAsync(async () => (await FeedAsync(client, customer))["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == "orderConfirmed"), SlipBudget);
        return await FeedAsync(client, customer);
    }

    /// <summary>The app in standalone mode on Azurite, with its own tables and queues and the recording delay-notice service.</summary>
    private PresaleApp CreateApp()
    {
        return PresaleApp.WithTriggersOnAzurite(azurite.ConnectionString, Key)
            .WithServices(s => s.AddSingleton<IDelayConsentService, DelayNoticeService>());
    }

    private static async Task<string> PlaceAsync(HttpClient client, string sku, string customer)
    {
        var body = $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""";
        var placed = await SendAsync(client, HttpMethod.Post, "/api/orders", body, HttpStatusCode.Created, idempotencyKey: Guid.NewGuid().ToString("N"));
        return placed["orderId"]!.GetValue<string>();
    }

    private static Task<JsonObject> FeedAsync(HttpClient client, string customer) =>
        SendAsync(client, HttpMethod.Get, $"/api/customers/{customer}/notifications", null, HttpStatusCode.OK);

    /// <summary>Polls <paramref name="done"/> every 100 ms until it holds; fails once <paramref name="budget"/> has passed.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < budget, $"Not reached within {budget}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    private static async Task<JsonNode?> TrackingAsync(HttpClient client, string orderId) =>
        (await SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK))["lines"]![0]!["tracking"];

    private static async Task<JsonNode?> EventuallyAsync(HttpClient client, string orderId, Func<JsonNode?, bool> done)
    {
        var order = await JsonCalls.EventuallyAsync(() => SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK), o => done(o["lines"]![0]!["tracking"]), Deadline);
        return order["lines"]![0]!["tracking"];
    }

    /// <summary>A delay-consent stand-in: the delayed notice keyed per order and revised date.</summary>
    private sealed class DelayNoticeService : IDelayConsentService
    {
        public Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
            Task.FromResult(new Notification
            {
                Kind = NotificationKind.Delayed,
                OrderId = order.OrderId,
                CustomerId = order.CustomerId,
                DeduplicationKey = NotificationKeys.Delayed(order.OrderId, 1),
                Locale = "en",
                Title = $"Order {order.OrderId} is delayed",
                Text = $"Your order now ships on {revisedDate:yyyy-MM-dd}.",
                PromisedDate = order.OriginalPromise,
                RevisedDate = revisedDate,
                DelayNumber = 1,
            });
    }
}
