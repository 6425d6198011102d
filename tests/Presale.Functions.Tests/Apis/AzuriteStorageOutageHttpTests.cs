using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Presale.Adapters.Queues;
using Presale.Adapters.Tables;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// Checkout while storage stops answering, through the real app on Azurite behind a proxy that can hold every byte:
/// each placement answers 503 with Retry-After and a problem naming the service within the request's storage budget
/// (instead of hanging on the SDK's timeouts), the health check says so, and once storage answers again every client
/// retrying with its own Idempotency-Key gets a real answer while the books show no oversell and no half-placed order.
/// </summary>
public sealed class AzuriteStorageOutageHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "storage-outage-http-key";
    private const int Clients = 24;
    private const int OnHand = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StorageStopsAnswering_EveryPlacementGets503NamingIt_HealthSaysSo_AndRetriesWithTheSameKeysResumeWithoutOversell()
    {
        await using var tables = PausableTcpProxy.Start(azurite.TableEndpoint);
        await using var queues = PausableTcpProxy.Start(azurite.QueueEndpoint);
        await using var app = CreateApp(tables, queues);
        using var admin = CreateClient(app);
        await ArrangeAsync(admin, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", null);
        await ArrangeAsync(admin, HttpMethod.Put, "/api/skus/HOT", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", null);
        await ArrangeAsync(admin, HttpMethod.Post, "/api/skus/HOT/stock-adjustments", $$"""{"quantity":{{OnHand}},"reason":"delivery"}""", "stock-hot");
        var accepted = new ConcurrentDictionary<string, (string Sku, int Quantity)[]>(StringComparer.Ordinal);
        var first = await PlaceAsync(app, -1, attempts: 6);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        accepted.TryAdd(first.Body["orderId"]!.GetValue<string>(), [("HOT", 1)]);
        await HealthyAsync(admin);

        tables.Pause();
        queues.Pause();
        var outage = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(() => PlaceAsync(app, i, attempts: 1), Ct)));
        foreach (var (status, retryAfter, problem) in outage)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
            Assert.Equal("urn:presale:problem:storage-unavailable", problem["type"]!.GetValue<string>());
            Assert.Contains(problem["dependency"]!.GetValue<string>(), new[] { TableStorageStore.ServiceName, StorageQueueClient.ServiceName });
        }

        using (var health = await admin.GetAsync(new Uri("/api/health", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains($"{TableStorageStore.ServiceName} did not answer within the budget of 2 s.", await health.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        tables.Resume();
        queues.Resume();
        var retried = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(() => PlaceAsync(app, i, attempts: 6), Ct)));
        var refused = 0;
        foreach (var (status, _, answer) in retried)
        {
            switch (status)
            {
                case HttpStatusCode.Created:
                    Assert.True(accepted.TryAdd(answer["orderId"]!.GetValue<string>(), [("HOT", 1)]));
                    break;
                case HttpStatusCode.Conflict:
                    Assert.Equal("urn:presale:problem:insufficient-supply", answer["type"]!.GetValue<string>());
                    refused++;
                    break;
                default:
                    Assert.Fail($"A retry after the outage got {(int)status}: {answer.ToJsonString()}");
                    break;
            }
        }

        Assert.Equal((OnHand, Clients + 1 - OnHand), (accepted.Count, refused));
        var supply = await SendAsync(admin, HttpMethod.Get, "/api/skus/HOT/supply", null, HttpStatusCode.OK);
        Assert.Equal((OnHand, 0L), (supply["reserved"]!.GetValue<long>(), supply["available"]!.GetValue<long>()));
        await AzuriteNoOversellHttpTests.AssertLedgerMatchesAcceptedOrdersAsync(app, "HOT", new(accepted, StringComparer.Ordinal));
        await HealthyAsync(admin);
    }

    /// <summary>
    /// Places order <paramref name="i"/> with its own client and key, as a checkout does: up to <paramref name="attempts"/>
    /// times, again after each 503's Retry-After (the retries' own storage work can run past the 2 s budget on a busy machine).
    /// </summary>
    private static async Task<Answer> PlaceAsync(PresaleApp app, int i, int attempts)
    {
        using var client = CreateClient(app);
        return await SendUntilAnsweredAsync(client, HttpMethod.Post, "/api/orders", OrderBody(i), "order-" + i.ToString(CultureInfo.InvariantCulture), attempts);
    }

    /// <summary>
    /// One step of the arrangement, sent again with its key after a 503: the budget of 2 s this test needs is short for
    /// the first requests of an app (which create its tables) on a busy machine.
    /// </summary>
    private static async Task ArrangeAsync(HttpClient client, HttpMethod method, string path, string body, string? idempotencyKey)
    {
        var answer = await SendUntilAnsweredAsync(client, method, path, body, idempotencyKey);
        Assert.True((int)answer.Status is >= 200 and < 300, $"{method} {path}: {(int)answer.Status} {answer.Body.ToJsonString()}");
    }

    /// <summary>Health is 200 while storage answers (probed again while a probe of the app's first moments runs past 2 s).</summary>
    private static async Task HealthyAsync(HttpClient admin)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var health = await admin.GetAsync(new Uri("/api/health", UriKind.Relative), Ct);
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(attempt < 10, $"/api/health: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync(Ct)}");
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        }
    }

    private static string OrderBody(int i) =>
        $$"""{"customerId":"c{{i}}","tier":"gold","notificationContact":{"email":"c{{i}}@example.com"},"lines":[{"sku":"HOT","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""";

    private PresaleApp CreateApp(PausableTcpProxy tables, PausableTcpProxy queues)
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        return new PresaleApp(TestDefinitions.WithQueues(("reconcile", reconcileQueue)))
            .With("AzureWebJobsStorage",
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.DevelopmentAccountKey};" +
                $"TableEndpoint={tables.Through(azurite.TableEndpoint)};QueueEndpoint={queues.Through(azurite.QueueEndpoint)}")
            .With("Presale:Host:FunctionKey", Key)
            .With("Presale:Storage:RequestBudget", "00:00:02")
            .WithOwnTables()
            .With("Presale:Orders:ReconcileQueue", reconcileQueue);
    }

    private static HttpClient CreateClient(PresaleApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        // Without a budget a placement would wait on the SDK's timeouts (30 s per attempt, retried): fail, do not hang.
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }
}
