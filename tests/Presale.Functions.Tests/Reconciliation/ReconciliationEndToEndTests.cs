using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.DelayConsent;
using Presale.Domain.Notifications;
using Presale.Domain.Security;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Reconciliation;

/// <summary>
/// The whole path in standalone mode on Azurite: orders placed over HTTP, a signed supplier ETA slip, the reconcile
/// message through the outbox and the local broker to <c>ReconcileSku</c>, the customers' notifications through the
/// notifications queue into their feed, then a signed receipt. Unique table and queue names per test; polling with a
/// deadline, never a fixed sleep.
/// </summary>
public sealed class ReconciliationEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "reconcile-e2e-key";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EtaSlip_DelaysOrdersOnTheLotAndRecordsTheirNotifications_ReceiptMakesThemReadyToShip()
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        var notificationsQueue = AzuriteFixture.UniqueName("notify");
        var definitions = CopyDefinitions(reconcileQueue, notificationsQueue);
        await using var app = new PresaleApp(definitions)
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:StandaloneTriggers", "true")
            .With("Presale:Host:FunctionKey", Key)
            .With("Presale:QueuePump:MinIdleDelay", "00:00:00.200")
            .With("Presale:QueuePump:MaxIdleDelay", "00:00:00.500")
            .With("Presale:Orders:ShopTable", AzuriteFixture.UniqueName("shop"))
            .With("Presale:Orders:SupplyTable", AzuriteFixture.UniqueName("supply"))
            .With("Presale:Orders:LotsTable", AzuriteFixture.UniqueName("lots"))
            .With("Presale:Orders:OrdersTable", AzuriteFixture.UniqueName("orders"))
            .With("Presale:Orders:ReconcileQueue", reconcileQueue)
            .With("Presale:Notifications:Queue", notificationsQueue)
            .With("Presale:Notifications:FeedTable", AzuriteFixture.UniqueName("feed"))
            .With("Presale:Notifications:DeliveryTable", AzuriteFixture.UniqueName("deliveries"))
            .With("Presale:Suppliers:SuppliersTable", AzuriteFixture.UniqueName("suppliers"))
            .WithServices(s => s.AddSingleton<IDelayConsentService, DelayNoticeService>());
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

        // Unsigned: refused before anything is read.
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/suppliers/acme/eta-updates") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(unsigned, Ct)).StatusCode);
        }

        var slipped = today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slip = $$"""{"eventId":"eta-1","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LA","newEta":"{{slipped}}","reason":"vessel delayed"}""";
        var applied = await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret);
        Assert.Equal("applied", applied["outcome"]!.GetValue<string>());

        foreach (var id in onA)
        {
            var tracking = await EventuallyAsync(client, id, t => t?["status"]?.GetValue<string>() == "atRisk");
            Assert.Equal(today.AddDays(22).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tracking!["estimate"]!.GetValue<string>());
        }

        foreach (var customer in new[] { "cust-a1", "cust-a2" })
        {
            var feed = await EventuallyAsync(() => SendAsync(client, HttpMethod.Get, $"/api/customers/{customer}/notifications", null, HttpStatusCode.OK), f => f["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed"));
            Assert.Single(feed["items"]!.AsArray(), i => i!["notification"]!["kind"]!.GetValue<string>() == "delayed");
        }

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
    }

    private static string CopyDefinitions(string reconcileQueue, string notificationsQueue)
    {
        var target = Path.Combine(Path.GetTempPath(), "presale-defs-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(TestDefinitions.SourceFolder, "function.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestDefinitions.SourceFolder, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var text = File.ReadAllText(file)
                .Replace("\"queueName\": \"reconcile\"", $"\"queueName\": \"{reconcileQueue}\"", StringComparison.Ordinal)
                .Replace("\"queueName\": \"notifications\"", $"\"queueName\": \"{notificationsQueue}\"", StringComparison.Ordinal);
            File.WriteAllText(destination, text);
        }

        return target;
    }

    private static async Task<string> PlaceAsync(HttpClient client, string sku, string customer)
    {
        var body = $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""";
        var placed = await SendAsync(client, HttpMethod.Post, "/api/orders", body, HttpStatusCode.Created, idempotencyKey: Guid.NewGuid().ToString("N"));
        return placed["orderId"]!.GetValue<string>();
    }

    private static async Task<JsonNode?> TrackingAsync(HttpClient client, string orderId) =>
        (await SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK))["lines"]![0]!["tracking"];

    private static async Task<JsonNode?> EventuallyAsync(HttpClient client, string orderId, Func<JsonNode?, bool> done)
    {
        var order = await EventuallyAsync(() => SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK), o => done(o["lines"]![0]!["tracking"]));
        return order["lines"]![0]!["tracking"];
    }

    private static async Task<JsonObject> EventuallyAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> done)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Not reached within {Deadline}: {value.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        }
    }

    private static async Task<JsonObject> PostSignedAsync(HttpClient client, string path, string body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), TimeProvider.System.GetUtcNow(), secret));
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, string? body, HttpStatusCode expected, string? idempotencyKey = null, bool array = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var node = JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
        return array ? new JsonObject { ["items"] = node } : node.AsObject();
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
