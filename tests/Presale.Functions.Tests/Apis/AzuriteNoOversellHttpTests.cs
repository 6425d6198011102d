using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// No oversell through the real app: 64 concurrent HTTP clients oversubscribe supply tenfold against Azurite (the Table
/// Storage REST adapter, the app's own composition). Accepted units must equal the units available exactly, every
/// accepted order must hold its reservations (all lines, or none for a refused basket), and the shards must agree with
/// the reservation rows.
/// </summary>
public sealed class AzuriteNoOversellHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "no-oversell-http-key";
    private const int Clients = 64;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneSku_OversubscribedTenfoldBy64HttpClients_AcceptsExactlyTheAvailableUnits()
    {
        await using var app = CreateApp();
        using var admin = CreateClient(app);
        await ArrangeShopAsync(admin);
        await SendAsync(admin, HttpMethod.Put, "/api/skus/HOT", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Post, "/api/skus/HOT/stock-adjustments", """{"quantity":20,"reason":"delivery"}""", HttpStatusCode.OK, "stock-hot");
        var eta = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SendAsync(admin, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"L1","purchaseOrderReference":"PO-1","eta":"{{eta}}","lines":[{"sku":"HOT","quantity":15}]}""", HttpStatusCode.Created);
        const int capacity = 40;

        var (accepted, refused) = await RunClientsAsync(app, capacity * 10, _ => [("HOT", 1)]);

        Assert.Equal(capacity, accepted.Count);
        Assert.Equal(capacity * 10 - capacity, refused);
        var supply = await SendAsync(admin, HttpMethod.Get, "/api/skus/HOT/supply", null, HttpStatusCode.OK);
        Assert.Equal(capacity, supply["reserved"]!.GetValue<long>());
        Assert.Equal(0, supply["available"]!.GetValue<long>());
        await AssertLedgerMatchesAcceptedOrdersAsync(app, "HOT", accepted);
    }

    [Fact]
    public async Task Baskets_OversubscribedTenfoldBy64HttpClients_AcceptWholeBasketsWithinEverySkusSupply()
    {
        await using var app = CreateApp();
        using var admin = CreateClient(app);
        await ArrangeShopAsync(admin);
        foreach (var (sku, onHand) in new[] { ("A", 10), ("B", 15), ("C", 20) })
        {
            await SendAsync(admin, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
            await SendAsync(admin, HttpMethod.Post, $"/api/skus/{sku}/stock-adjustments", $$"""{"quantity":{{onHand}},"reason":"delivery"}""", HttpStatusCode.OK, "stock-" + sku);
        }

        var (accepted, refused) = await RunClientsAsync(app, 250, i => i % 2 == 0 ? [("A", 1), ("B", 1), ("C", 1)] : [("C", 1), ("B", 1)]);

        // B, on every basket, is the binding supply. A basket refused on one SKU gives back what it held of another, so
        // in the race a basket can be refused on units held only for a moment: at most 15 are accepted, and one client
        // ordering afterwards takes exactly what is left of B.
        Assert.InRange(accepted.Count, 1, 15);
        Assert.Equal(250 - accepted.Count, refused);
        var (afterwards, refusedAfterwards) = await RunClientsAsync(app, 16 - accepted.Count, i => [("C", 1), ("B", 1)], clients: 1, firstIndex: 250);
        Assert.Equal((15 - accepted.Count, 1), (afterwards.Count, refusedAfterwards));
        foreach (var (id, lines) in afterwards)
        {
            accepted.Add(id, lines);
        }

        foreach (var sku in new[] { "A", "B", "C" })
        {
            await AssertLedgerMatchesAcceptedOrdersAsync(app, sku, accepted);
        }

        var b = await SendAsync(admin, HttpMethod.Get, "/api/skus/B/supply", null, HttpStatusCode.OK);
        Assert.Equal(0, b["available"]!.GetValue<long>());
    }

    private PresaleApp CreateApp()
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        return new PresaleApp(TestDefinitions.WithQueues(("reconcile", reconcileQueue)))
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:FunctionKey", Key)
            .WithOwnTables()
            .With("Presale:Orders:ReconcileQueue", reconcileQueue)
            .With("Presale:Orders:AllocationShards", "16");
    }

    private static HttpClient CreateClient(PresaleApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    private static Task ArrangeShopAsync(HttpClient admin) =>
        SendAsync(admin, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);

    /// <summary>
    /// <paramref name="clients"/> clients (64 unless given), each with its own HttpClient, place <paramref name="attempts"/>
    /// orders between them (numbered from <paramref name="firstIndex"/>), all released at once by a gate. Every answer
    /// must be 201 or 409 insufficient-supply. Returns the accepted orders (id → lines).
    /// </summary>
    private static async Task<(Dictionary<string, (string Sku, int Quantity)[]> Accepted, int Refused)> RunClientsAsync(PresaleApp app, int attempts, Func<int, (string Sku, int Quantity)[]> basket, int clients = Clients, int firstIndex = 0)
    {
        var next = firstIndex - 1;
        attempts += firstIndex;
        var refused = 0;
        var accepted = new ConcurrentDictionary<string, (string, int)[]>(StringComparer.Ordinal);
        var ready = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var client = CreateClient(app);
            if (Interlocked.Increment(ref ready) == clients)
            {
                start.SetResult(); // the last client ready releases them all at once
            }

            await start.Task.WaitAsync(Ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) < attempts)
            {
                var lines = basket(i);
                var body = $$"""{"customerId":"c{{i}}","tier":"gold","notificationContact":{"email":"c{{i}}@example.com"},"lines":[{{string.Join(",", lines.Select(l => $$"""{"sku":"{{l.Sku}}","quantity":{{l.Quantity}},"unitPrice":10}"""))}}],"currency":"EUR","acceptPreSaleTerms":true}""";
                // A 503 (contention, or storage past the request's budget on a busy machine) is retried with the same key.
                var (status, _, answer) = await SendUntilAnsweredAsync(client, HttpMethod.Post, "/api/orders", body, "order-" + i.ToString(CultureInfo.InvariantCulture), attempts: int.MaxValue);
                switch (status)
                {
                    case HttpStatusCode.Created:
                        Assert.True(accepted.TryAdd(answer["orderId"]!.GetValue<string>(), lines));
                        break;
                    case HttpStatusCode.Conflict:
                        Assert.Equal("urn:presale:problem:insufficient-supply", answer["type"]!.GetValue<string>());
                        Interlocked.Increment(ref refused);
                        break;
                    default:
                        Assert.Fail($"Order {i} got {(int)status}: {answer.ToJsonString()}");
                        break;
                }
            }
        }, Ct));
        await Task.WhenAll(running);
        return (new Dictionary<string, (string, int)[]>(accepted, StringComparer.Ordinal), refused);
    }

    /// <summary>The SKU's shards hold exactly what its reservation rows hold, which are exactly the accepted orders' lines of it, all confirmed.</summary>
    internal static async Task AssertLedgerMatchesAcceptedOrdersAsync(PresaleApp app, string sku, Dictionary<string, (string Sku, int Quantity)[]> accepted)
    {
        var supply = app.Services.GetRequiredService<SupplyStore>();
        var store = app.Services.GetRequiredService<ITableStore>();
        var options = app.Services.GetRequiredService<OrdersOptions>();
        var orders = app.Services.GetRequiredService<OrderRepository>();
        var state = (await supply.LoadAsync(Sku.From(sku), Ct))!;
        var rows = new List<(string OrderId, int Quantity)>();
        await foreach (var row in store.QueryAllAsync(options.SupplyTable, TableFilter.RowPrefix(sku, "7|res|"), 1000, Ct))
        {
            rows.Add((row.GetString("OrderId")!, row.GetInt32("Quantity") ?? 0));
        }

        var expected = accepted.SelectMany(a => a.Value.Where(l => l.Sku == sku).Select(l => (a.Key, l.Quantity))).Order().ToList();
        Assert.Equal(state.Reserved, rows.Sum(r => (long)r.Quantity));
        Assert.True(state.Reserved <= state.Ledger.Capacity, $"{sku}: {state.Reserved} reserved of a capacity of {state.Ledger.Capacity}.");
        Assert.Equal(expected, rows.Order().ToList());
        foreach (var orderId in rows.Select(r => r.OrderId).Distinct())
        {
            Assert.Equal(OrderStatus.Confirmed, (await orders.GetAsync(orderId, Ct))!.Order.Status);
        }
    }
}
