using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Compensation;

/// <summary>
/// "Ten days later", driven through the app in standalone mode on Azurite with nothing stubbed: an order promised from
/// a supplier's lot; the supplier's signed ETA slip; the reconcile message through the outbox and the local queue to
/// <c>ReconcileSku</c>, which records the delay through the delay-consent flow; the delay notice through the
/// notifications queue into the customer's feed. Then the same tables under apps whose clock is shifted
/// (<c>Presale:Clock:Offset</c>) to the day after the promise and to ten days after the order: the compensation timer,
/// run repeatedly and concurrently, issues each tier once, and the feed shows the notices newest first as they came.
/// Unique table and queue names; polling with a deadline, never a fixed sleep.
/// </summary>
public sealed class CompensationEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "e2e-admin-key-000000000001";
    private const string FunctionKey = "e2e-function-key-0000000001";
    private const string Timer = """{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlippedOrder_TenDaysLater_IsCompensatedOncePerTier_AndTheFeedShowsTheNoticesInOrder()
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        var notificationsQueue = AzuriteFixture.UniqueName("notify");
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Presale:Host:StandaloneTriggers"] = "true",
            ["Presale:Host:AdminKey"] = AdminKey,
            ["Presale:Host:FunctionKey"] = FunctionKey,
            ["Presale:QueuePump:MinIdleDelay"] = "00:00:00.200",
            ["Presale:QueuePump:MaxIdleDelay"] = "00:00:00.500",
            ["Presale:Orders:ShopTable"] = AzuriteFixture.UniqueName("shop"),
            ["Presale:Orders:SupplyTable"] = AzuriteFixture.UniqueName("supply"),
            ["Presale:Orders:LotsTable"] = AzuriteFixture.UniqueName("lots"),
            ["Presale:Orders:OrdersTable"] = AzuriteFixture.UniqueName("orders"),
            ["Presale:Orders:ReconcileQueue"] = reconcileQueue,
            ["Presale:Suppliers:SuppliersTable"] = AzuriteFixture.UniqueName("suppliers"),
            ["Presale:Compensation:CreditsTable"] = AzuriteFixture.UniqueName("credits"),
            ["Presale:Notifications:Queue"] = notificationsQueue,
            ["Presale:Notifications:FeedTable"] = AzuriteFixture.UniqueName("feed"),
            ["Presale:Notifications:DeliveryTable"] = AzuriteFixture.UniqueName("deliveries"),
        };
        var definitions = TestDefinitions.WithQueues(("reconcile", reconcileQueue), ("notifications", notificationsQueue));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).DateTime);

        string orderId;
        DateOnly promise;
        await using (var now = App(definitions, settings, offsetDays: 0))
        {
            using var client = Keyed(now.CreateClient(), FunctionKey);
            await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Asia/Shanghai","currency":"CNY","defaultHandlingDays":1,"locale":"zh-CN"}""", HttpStatusCode.OK);
            await SendAsync(client, HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
            await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
            var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
            var eta = today.AddDays(1);
            await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"L1","purchaseOrderReference":"PO-1","eta":"{{Date(eta)}}","lines":[{"sku":"KB-75","quantity":10}]}""", HttpStatusCode.Created);
            var placed = await SendAsync(client, HttpMethod.Post, "/api/orders",
                """{"customerId":"c1","tier":"gold","notificationContact":{"email":"li@example.com"},"lines":[{"sku":"KB-75","quantity":2,"unitPrice":199}],"currency":"CNY","acceptPreSaleTerms":true}""",
                HttpStatusCode.Created, idempotencyKey: "order-1");
            orderId = placed["orderId"]!.GetValue<string>();
            promise = DateOnly.ParseExact(placed["lines"]![0]!["promiseDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(promise > today, $"The order should be promised from the lot, after today ({Date(today)}), not {Date(promise)}.");

            // The supplier's lot slips five days: signed, verified, reconciled through the queue.
            var slip = $$"""{"eventId":"eta-1","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"L1","newEta":"{{Date(eta.AddDays(5))}}","reason":"vessel delayed"}""";
            Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret))["outcome"]!.GetValue<string>());
            var feed = await EventuallyAsync(() => FeedAsync(client), f => Kinds(f).Contains("delayed"), Deadline);
            var delayed = Assert.Single(feed, i => Kind(i) == "delayed")!["notification"]!;
            Assert.Equal(Date(promise), delayed["promisedDate"]!.GetValue<string>());
            Assert.Equal(Date(promise.AddDays(5)), delayed["revisedDate"]!.GetValue<string>());
            Assert.False(delayed["consentRequired"]!.GetValue<bool>());
        }

        // The day after the promise (shop-local): tier 1 falls due; the timer runs twice, then twice at once.
        var tierOneDay = promise.DayNumber - today.DayNumber + 1;
        await using (var dayAfter = App(definitions, settings, offsetDays: tierOneDay))
        {
            using var admin = Keyed(dayAfter.CreateClient(), AdminKey);
            using var reader = Keyed(dayAfter.CreateClient(), FunctionKey);
            await FunctionRuns.SucceedsAsync(dayAfter.Services, "CompensateLateOrders");
            await FunctionRuns.SucceedsAsync(dayAfter.Services, "CompensateLateOrders");
            await Task.WhenAll(FunctionRuns.SucceedsAsync(dayAfter.Services, "CompensateLateOrders"), FunctionRuns.SucceedsAsync(dayAfter.Services, "CompensateLateOrders"));
            Assert.Equal([$"comp:{orderId}:1"], await CreditIdsAsync(reader));
            await EventuallyAsync(() => FeedAsync(reader), f => Kinds(f).Contains("compensationIssued"), Deadline);
        }

        // Ten days after the order (eight days late): tier 2 falls due, tier 1 is not issued again.
        var tenDaysLater = promise.DayNumber - today.DayNumber + 8;
        Assert.Equal(10, tenDaysLater);
        await using var later = App(definitions, settings, offsetDays: tenDaysLater);
        using var laterAdmin = Keyed(later.CreateClient(), AdminKey);
        using var laterReader = Keyed(later.CreateClient(), FunctionKey);
        await Task.WhenAll(FunctionRuns.SucceedsAsync(later.Services, "CompensateLateOrders"), FunctionRuns.SucceedsAsync(later.Services, "CompensateLateOrders"));
        await FunctionRuns.SucceedsAsync(later.Services, "CompensateLateOrders");

        var credits = (await SendAsync(laterReader, HttpMethod.Get, "/api/customers/c1/credits", null, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal([$"comp:{orderId}:1", $"comp:{orderId}:2"], credits.Select(c => c!["id"]!.GetValue<string>()));
        // 5 % of 398 = 19.90 per tier; tier 2 would make 39.80, over the cap of 30, so it pays 10.10.
        Assert.Equal([19.90m, 10.10m], credits.Select(c => c!["amount"]!["amount"]!.GetValue<decimal>()));
        Assert.All(credits, c => Assert.Equal("CNY", c!["amount"]!["currency"]!.GetValue<string>()));

        // The feed, newest first, exactly as the app lists it (only this order's delay and compensation notices).
        var final = await EventuallyAsync(() => FeedAsync(laterReader), f => Kinds(f).Count(k => k == "compensationIssued") == 2, Deadline);
        Assert.Equal(
            [$"notif:compensation-issued:{orderId}:2", $"notif:compensation-issued:{orderId}:1", $"notif:delayed:{orderId}:1"],
            final.Where(i => Kind(i) is "delayed" or "compensationIssued").Select(i => i!["id"]!.GetValue<string>()));
        var tierTwo = final.First(i => Kind(i) == "compensationIssued")!["notification"]!;
        Assert.Equal("zh-CN", tierTwo["locale"]!.GetValue<string>());
        Assert.Contains("10.10 CNY", tierTwo["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static PresaleApp App(string definitions, Dictionary<string, string> settings, int offsetDays)
    {
        var app = new PresaleApp(definitions);
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return offsetDays == 0 ? app : app.With("Presale:Clock:Offset", string.Create(CultureInfo.InvariantCulture, $"P{offsetDays}D"));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Kind(JsonNode? item) => item?["notification"]?["kind"]?.GetValue<string>();

    private static List<string?> Kinds(JsonArray feed) => [.. feed.Select(Kind)];

    private static HttpClient Keyed(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    private static async Task<JsonArray> FeedAsync(HttpClient client) =>
        (await SendAsync(client, HttpMethod.Get, "/api/customers/c1/notifications", null, HttpStatusCode.OK))["items"]!.AsArray();

    private static async Task<List<string>> CreditIdsAsync(HttpClient client) =>
        [.. (await SendAsync(client, HttpMethod.Get, "/api/customers/c1/credits", null, HttpStatusCode.OK))["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>())];

}
