using System.Net;
using System.Text.Json.Nodes;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Operations;

/// <summary>
/// Inventory alerts end to end through the real app on Azurite: a shop seeded through the API, the AssessInventory
/// timer, each alert kind raised once and listed by <c>GET /api/alerts</c> and on the console, then cleared when the
/// shop resolves it (stock received, orders cancelled).
/// </summary>
public sealed class AzuriteInventoryAlertsHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "inventory-http-admin-key";
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// LOW-1: 30 on hand, 7 units ordered on each of days 0–3, so on day 4 demand is 1/day (deviation √6 over 28 days);
    /// acme's lead time is 14 days: safety stock ⌈1.65 × √6 × √14⌉ = 16, position 2: below safety stock, order 28.
    /// CAP-1: nothing on hand, pre-sold 5 against the cap: pre-sold beyond supply, order 5.
    /// </summary>
    [Fact]
    public async Task EachInventoryAlert_IsRaisedOnce_ListedAndShown_AndClearedWhenResolved()
    {
        var clock = new ManualTimeProvider(Day0);
        await using var app = AzuriteKpisHttpTests.CreateApp(azurite, clock, AdminKey);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", AzuriteKpisHttpTests.Key);
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/LOW-1", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":10}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/skus/LOW-1/stock-adjustments", """{"quantity":30,"reason":"delivery"}""", HttpStatusCode.OK, "low-stock");
        await SendAsync(client, HttpMethod.Put, "/api/skus/CAP-1", """{"preSaleEnabled":true,"cap":50,"maxPerOrder":10}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"},"defaultLeadTimeDays":14}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Put, "/api/suppliers/acme/terms", """
            {"currency":"EUR","paymentTerms":{"netDays":30,"basis":"receipt"},"onTimeWindow":{"daysEarly":2,"daysLate":0,"reference":"requestedDate"},
             "chargebacks":{"lateUnits":0.03,"shortUnits":0.05,"cancelledLine":0.10},"rebates":{"byGrade":{},"volumeTiers":[]},
             "catalogue":[{"sku":"LOW-1","unitCost":10},{"sku":"CAP-1","unitCost":12}]}
            """, HttpStatusCode.Created);

        for (var day = 0; day < 4; day++)
        {
            clock.SetUtcNow(Day0.AddDays(day));
            await PlaceAsync(client, "LOW-1", 7, $"low-{day}");
        }

        clock.SetUtcNow(Day0.AddDays(4));
        var preSold = await PlaceAsync(client, "CAP-1", 5, "cap-0");
        await FunctionRuns.SucceedsAsync(app.Services, "AssessInventory");
        await FunctionRuns.SucceedsAsync(app.Services, "AssessInventory");

        var all = Items(await SendAsync(client, HttpMethod.Get, "/api/alerts", null, HttpStatusCode.OK));
        Assert.Equal(["presold|CAP-1", "safety-stock|LOW-1"], all.Select(a => a["key"]!.GetValue<string>()));
        var low = Assert.Single(Items(await SendAsync(client, HttpMethod.Get, "/api/alerts?kind=belowSafetyStock", null, HttpStatusCode.OK)));
        Assert.Equal(("belowSafetyStock", "skus/LOW-1/replenishment"), (low["kind"]!.GetValue<string>(), low["subject"]!.GetValue<string>()));
        Assert.StartsWith("Order 28 units of LOW-1 from supplier acme by ", low["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((16, 28), (low["details"]!["safetyStock"]!.GetValue<int>(), low["details"]!["quantity"]!.GetValue<int>()));
        var cap = Assert.Single(Items(await SendAsync(client, HttpMethod.Get, "/api/alerts?kind=preSoldBeyondSupply", null, HttpStatusCode.OK)));
        Assert.StartsWith("Order 5 units of CAP-1 from supplier acme by ", cap["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, cap["details"]!["uncovered"]!.GetValue<int>());

        using (var browser = app.CreateClient())
        {
            using (var signedIn = await browser.GetAsync($"/api/console/session?code={AdminKey}", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            }

            var overview = await browser.GetStringAsync("/api/console", Ct);
            Assert.Contains("Order 28 units of LOW-1 from supplier acme", overview, StringComparison.Ordinal);
            Assert.Contains("Order 5 units of CAP-1 from supplier acme", overview, StringComparison.Ordinal);
            var skuPage = await browser.GetStringAsync("/api/console/skus/LOW-1", Ct);
            Assert.Contains("table-sku-alerts", skuPage, StringComparison.Ordinal);
            Assert.Contains("BelowSafetyStock", skuPage, StringComparison.Ordinal);
            Assert.DoesNotContain("PreSoldBeyondSupply", skuPage, StringComparison.Ordinal);
        }

        // Stock received lifts LOW-1 to its target (30 = 14 over the lead time + 16); cancelling the pre-sale leaves CAP-1 nothing uncovered.
        await SendAsync(client, HttpMethod.Post, "/api/skus/LOW-1/stock-adjustments", """{"quantity":28,"reason":"delivery"}""", HttpStatusCode.OK, "low-restock");
        await SendAsync(client, HttpMethod.Post, $"/api/orders/{preSold}/cancel", """{"reason":"customer"}""", HttpStatusCode.OK);
        await FunctionRuns.SucceedsAsync(app.Services, "AssessInventory");
        Assert.Empty(Items(await SendAsync(client, HttpMethod.Get, "/api/alerts", null, HttpStatusCode.OK)));

        Assert.Contains("kind", AzuriteKpisHttpTests.Errors(await SendAsync(client, HttpMethod.Get, "/api/alerts?kind=lowStock", null, HttpStatusCode.BadRequest)));
    }

    private static IReadOnlyList<JsonNode> Items(JsonObject page) => [.. page["items"]!.AsArray().Select(item => item!)];

    private static async Task<string> PlaceAsync(HttpClient client, string sku, int quantity, string key) =>
        (await SendAsync(client, HttpMethod.Post, "/api/orders", $$"""{"customerId":"{{key}}","tier":"gold","notificationContact":{"email":"{{key}}@example.com"},"lines":[{"sku":"{{sku}}","quantity":{{quantity}},"unitPrice":25}],"currency":"EUR","acceptPreSaleTerms":true}""", HttpStatusCode.Created, key))["orderId"]!.GetValue<string>();
}
