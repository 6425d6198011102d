using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.Common;
using Presale.Application.Purchasing;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Operations;

/// <summary>
/// The KPIs end to end through the real app on Azurite: a shop seeded through the API over six days of its clock, the
/// ComputeKpis timer, then every KPI route checked against figures worked out by hand, and bad ranges refused.
/// </summary>
public sealed class AzuriteKpisHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    internal const string Key = "kpis-http-function-key";
    private const string Sku = "KPI-1";
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Day 0: 10 units on hand at cost 10 (the supplier's catalogue); ann orders 2 at 25 (shipped and delivered that
    /// day), bea 1. Day 2: bea orders 3, cy 1; ann returns 1 unit (changed mind). Day 5: the timer runs. Handling is one
    /// day, so the promises are day 1 (ann, bea) and day 3 (bea, cy).
    /// <list type="bullet">
    /// <item>Days 0–5: 4 orders, 7 units, revenue 175; COGS 2 × 10 = 20; inventory recorded once, on day 5: 8 × 10 = 80;
    /// turnover 20 ÷ 80 = 0.25; days of supply 8 ÷ (7 ÷ 6) = 6.857…; promises due 4, kept 1 (ann's) → 0.25.</item>
    /// <item>Days 1–5: 2 orders, revenue 100, AOV 50; customers at the start (end of day 0) 2, at the end 3, new 1 →
    /// retention (3 − 1) ÷ 2 = 1; orders per customer 4 ÷ 3; CLV 50 × 4/3 × 1 ÷ 1.1³ = 50.09; 1 unit returned of 4
    /// ordered → return rate 0.25.</item>
    /// </list>
    /// </summary>
    [Fact]
    public async Task Kpis_AfterTheTimer_MatchTheHandComputedFigures_AndBadRangesAreRefused()
    {
        var clock = new ManualTimeProvider(Day0);
        await using var app = CreateApp(azurite, clock);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        var notYet = await SendAsync(client, HttpMethod.Get, "/api/kpis", null, HttpStatusCode.Conflict);
        Assert.Equal("urn:presale:problem:kpis-not-computed", notYet["type"]!.GetValue<string>());

        await SeedAsync(client, app.Services, clock);
        clock.SetUtcNow(Day0.AddDays(5));
        await FunctionRuns.SucceedsAsync(app.Services, "CompensateLateOrders");
        await FunctionRuns.SucceedsAsync(app.Services, "ComputeKpis");

        var all = await SendAsync(client, HttpMethod.Get, "/api/kpis?from=2026-03-02&to=2026-03-07", null, HttpStatusCode.OK);
        Assert.Equal((4, 7, 175m), (Int(all, "orders"), Int(all, "units"), Dec(all, "revenue")));
        Assert.Equal((2, 20m, 80m), (Int(all, "unitsShipped"), Dec(all, "costOfGoodsSold"), Dec(all, "averageInventoryValue")));
        Assert.Equal(0.25m, Dec(all, "inventoryTurnover"));
        Assert.Equal(6.857m, decimal.Round(Dec(all, "daysOfSupply"), 3));
        Assert.Equal((4, 1, 0.25m), (Int(all, "promisesDue"), Int(all, "promisesKept"), Dec(all, "promiseAccuracy")));
        Assert.Equal(80m, Dec(all, "inventoryValueNow"));
        Assert.Equal((0.75m, 0, 0), (Dec(all, "brokenPromiseRate"), Int(all, "cancelledOrders"), Int(all, "unitsRestocked")));

        // Day 5: the three late orders (bea's of day 0 and day 2, cy's) each get the first tier, 5 % of 25, 75 and 25,
        // raised to the 5.00 minimum: 15 issued on day 5, 15 ÷ 175 of the revenue.
        Assert.Equal((15m, decimal.Round(15m / 175m, 4)), (Dec(all, "compensation"), decimal.Round(Dec(all, "compensationShareOfRevenue"), 4)));

        // Day 5: bea's two orders and cy's are unshipped and past their promises (days 1 and 3).
        Assert.Equal((3, 3, 0), (Int(all, "openOrders"), Int(all, "late"), Int(all, "onTrack")));

        var later = await SendAsync(client, HttpMethod.Get, "/api/kpis?from=2026-03-03&to=2026-03-07", null, HttpStatusCode.OK);
        Assert.Equal((2, 100m, 50m), (Int(later, "orders"), Dec(later, "revenue"), Dec(later, "averageOrderValue")));
        Assert.Equal((2, 3, 1), (Int(later, "customersAtStart"), Int(later, "customersAtEnd"), Int(later, "newCustomers")));
        Assert.Equal(1m, Dec(later, "retention"));
        Assert.Equal(decimal.Round(4m / 3m, 6), decimal.Round(Dec(later, "ordersPerCustomer"), 6));
        Assert.Equal(50.09m, decimal.Round(Dec(later, "customerLifetimeValue"), 2));
        Assert.Equal((1, 0.25m), (Int(later, "unitsReturned"), Dec(later, "returnRate")));
        Assert.Equal(1, later["returnsByReason"]!["ChangedMind"]!["units"]!.GetValue<int>());

        var sku = await SendAsync(client, HttpMethod.Get, $"/api/kpis/skus/{Sku}?from=2026-03-02&to=2026-03-07", null, HttpStatusCode.OK);
        Assert.Equal((7, 20m, 8, 0.25m), (Int(sku, "units"), Dec(sku, "costOfGoodsSold"), Int(sku, "onHand"), Dec(sku, "inventoryTurnover")));
        Assert.Equal(decimal.Round(1m / 7m, 6), decimal.Round(Dec(sku, "returnRate"), 6));
        Assert.Equal((175m, 2, 80m, 1), (Dec(sku, "revenue"), Int(sku, "unitsShipped"), Dec(sku, "averageInventoryValue"), Int(sku, "unitsReturned")));
        Assert.Equal(6.857m, decimal.Round(Dec(sku, "daysOfSupply"), 3));

        var bea = await SendAsync(client, HttpMethod.Get, "/api/kpis/customers/bea", null, HttpStatusCode.OK);
        Assert.Equal((2, 100m, 50m), (Int(bea, "orders"), Dec(bea, "revenue"), Dec(bea, "averageOrderValue")));
        Assert.Equal("2026-03-04", bea["lastOrderOn"]!.GetValue<string>());
        // RFM as of day 5 among ann (last order day 0, 1 order), bea (day 2, 2 orders) and cy (day 2, 1 order): score =
        // 1 + ⌊5 × customers strictly worse ÷ 3⌋, so bea has recency 2 (ann is worse), frequency 4 (both are): cannot lose.
        Assert.Equal((2, 4), (bea["rfm"]!["recency"]!.GetValue<int>(), bea["rfm"]!["frequency"]!.GetValue<int>()));
        Assert.Equal("cannotlose", bea["rfm"]!["segment"]!.GetValue<string>().ToLowerInvariant());
        var ann = await SendAsync(client, HttpMethod.Get, "/api/kpis/customers/ann", null, HttpStatusCode.OK);
        Assert.Equal((1, 50m, "2026-03-02"), (Int(ann, "orders"), Dec(ann, "revenue"), ann["firstOrderOn"]!.GetValue<string>()));
        Assert.Equal((1, 1, "hibernating"), (ann["rfm"]!["recency"]!.GetValue<int>(), ann["rfm"]!["frequency"]!.GetValue<int>(), ann["rfm"]!["segment"]!.GetValue<string>().ToLowerInvariant()));

        var acme = await SendAsync(client, HttpMethod.Get, "/api/kpis/suppliers/acme", null, HttpStatusCode.OK);
        Assert.Equal("acme", acme["supplierId"]!.GetValue<string>());

        // Bad parameters are problems naming the field; unknown subjects are 404.
        Assert.Contains("from", Errors(await SendAsync(client, HttpMethod.Get, "/api/kpis?from=2026-03-08&to=2026-03-07", null, HttpStatusCode.BadRequest)));
        Assert.Contains("to", Errors(await SendAsync(client, HttpMethod.Get, "/api/kpis?to=07-03-2026", null, HttpStatusCode.BadRequest)));
        Assert.Contains("to", Errors(await SendAsync(client, HttpMethod.Get, "/api/kpis?from=2024-01-01&to=2026-03-07", null, HttpStatusCode.BadRequest)));
        Assert.Contains("from", Errors(await SendAsync(client, HttpMethod.Get, $"/api/kpis/skus/{Sku}?from=yesterday", null, HttpStatusCode.BadRequest)));
        await SendAsync(client, HttpMethod.Get, "/api/kpis/skus/NOPE-1", null, HttpStatusCode.NotFound);
        await SendAsync(client, HttpMethod.Get, "/api/kpis/customers/nobody", null, HttpStatusCode.NotFound);
        await SendAsync(client, HttpMethod.Get, "/api/kpis/suppliers/nobody", null, HttpStatusCode.NotFound);

        // A second run with nothing changed writes only the status row.
        await FunctionRuns.SucceedsAsync(app.Services, "ComputeKpis");
        var rerun = await app.Services.GetRequiredService<Presale.Application.Kpis.KpiSnapshotRun>().RunAsync(Ct);
        Assert.Equal(1, rerun);
    }

    /// <summary>
    /// acme's scorecard on a shop of its own: lot L1 (5 units, first ETA day 2) and L2 (5 units, first ETA day 1),
    /// registered on day 0; L2 received in full on day 1 (slip 0: on time in full), L1 in full on day 4 (slip 2, past
    /// the one-day tolerance: late). Day 5: lots 2, measured 2, on time in full 1 → OTIF 0.5; slips [0, 2] → average 1,
    /// p50 (nearest rank) 0, p90 2; fill rate 10 ÷ 10 = 1; no cancellation; no grade (3 measured lots needed).
    /// </summary>
    [Fact]
    public async Task SupplierKpis_AfterTheTimer_MatchTheHandComputedScorecard()
    {
        var clock = new ManualTimeProvider(Day0);
        await using var app = CreateApp(azurite, clock);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/SUP-1", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        foreach (var (lot, eta) in new[] { ("L1", "2026-03-04"), ("L2", "2026-03-03") })
        {
            await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"{{lot}}","purchaseOrderReference":"PO-{{lot}}","eta":"{{eta}}","lines":[{"sku":"SUP-1","quantity":5}]}""", HttpStatusCode.Created);
        }

        foreach (var (lot, day) in new[] { ("L2", 1), ("L1", 4) })
        {
            clock.SetUtcNow(Day0.AddDays(day));
            var receipt = $$"""{"eventId":"rcv-{{lot}}","supplierTimestamp":"{{clock.GetUtcNow():O}}","lotId":"{{lot}}","lines":[{"sku":"SUP-1","quantity":5}]}""";
            Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/receipts", receipt, secret, clock.GetUtcNow()))["outcome"]!.GetValue<string>());
        }

        clock.SetUtcNow(Day0.AddDays(5));
        await FunctionRuns.SucceedsAsync(app.Services, "ComputeKpis");

        var acme = await SendAsync(client, HttpMethod.Get, "/api/kpis/suppliers/acme", null, HttpStatusCode.OK);
        Assert.Equal((2, 2, 1), (Int(acme, "lots"), Int(acme, "measuredLots"), Int(acme, "onTimeInFullLots")));
        Assert.Equal((0.5m, 1m, 1m, 0m), (Dec(acme, "onTimeInFull"), Dec(acme, "averageSlipDays"), Dec(acme, "fillRate"), Dec(acme, "cancellationRate")));
        Assert.Equal((0, 2), (Int(acme, "p50SlipDays"), Int(acme, "p90SlipDays")));
        Assert.Null(acme["grade"]);
    }

    [Fact]
    public async Task KpiRoutes_RefuseCallersWithoutTheKey()
    {
        await using var app = CreateApp(azurite, new ManualTimeProvider(Day0));
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");
        using var client = app.CreateClient();
        foreach (var path in new[] { "/api/kpis", "/api/kpis/skus/KPI-1", "/api/kpis/suppliers/acme", "/api/kpis/customers/ann" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    internal static PresaleApp CreateApp(AzuriteFixture azurite, TimeProvider clock, string? adminKey = null)
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        var app = new PresaleApp(TestDefinitions.WithQueues(("reconcile", reconcileQueue)))
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:FunctionKey", Key)
            .WithOwnTables()
            .With("Presale:Orders:ReconcileQueue", reconcileQueue)
            .WithTime(clock);
        return adminKey is null ? app : app.With("Presale:Host:AdminKey", adminKey);
    }

    /// <summary>The shop of the hand-computed example (see the first test); the clock ends on day 2.</summary>
    internal static async Task SeedAsync(HttpClient client, IServiceProvider services, ManualTimeProvider clock)
    {
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, $"/api/skus/{Sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5,"category":"home"}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, $"/api/skus/{Sku}/stock-adjustments", """{"quantity":10,"reason":"delivery"}""", HttpStatusCode.OK, "kpi-stock");
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var terms = JsonSerializer.Deserialize<SupplierTermsRequest>(
            $$"""
            {"currency":"EUR","paymentTerms":{"netDays":30,"basis":"receipt"},"onTimeWindow":{"daysEarly":2,"daysLate":0,"reference":"requestedDate"},
             "chargebacks":{"lateUnits":0.03,"shortUnits":0.05,"cancelledLine":0.10},"rebates":{"byGrade":{},"volumeTiers":[]},
             "catalogue":[{"sku":"{{Sku}}","unitCost":10,"minimumOrderQuantity":1,"packSize":1}]}
            """,
            PresaleJson.Requests)!;
        await services.GetRequiredService<SupplierTermsStore>().PutAsync("acme", terms, DateOnly.FromDateTime(Day0.UtcDateTime), Day0, Ct);

        var ann = await PlaceAsync(client, "ann", 2, "kpi-a");
        await PlaceAsync(client, "bea", 1, "kpi-b");
        var day0 = Day0.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SendAsync(client, HttpMethod.Post, $"/api/orders/{ann}/shipments", $$"""{"shipmentId":"parcel-a","lines":[{"sku":"{{Sku}}","quantity":2}],"shippedOn":"{{day0}}","deliveredOn":"{{day0}}"}""", HttpStatusCode.Created);

        clock.SetUtcNow(Day0.AddDays(2));
        await PlaceAsync(client, "bea", 3, "kpi-c");
        await PlaceAsync(client, "cy", 1, "kpi-d");
        await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{ann}}","customerId":"ann","lines":[{"sku":"{{Sku}}","quantity":1,"reason":"changedMind","statedCondition":"a"}]}""", HttpStatusCode.Created, "kpi-return");
    }

    private static async Task<string> PlaceAsync(HttpClient client, string customer, int quantity, string key) =>
        (await SendAsync(client, HttpMethod.Post, "/api/orders", $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{Sku}}","quantity":{{quantity}},"unitPrice":25}],"currency":"EUR","acceptPreSaleTerms":true}""", HttpStatusCode.Created, key))["orderId"]!.GetValue<string>();

    private static int Int(JsonObject node, string name) => node[name]!.GetValue<int>();

    private static decimal Dec(JsonObject node, string name) => node[name]!.GetValue<decimal>();

    internal static IEnumerable<string> Errors(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key);
}
