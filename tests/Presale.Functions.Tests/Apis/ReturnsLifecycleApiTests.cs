using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// The return lifecycle over HTTP: every state of the lifecycle is reached through the routes, and every route
/// tried in a state that does not allow it is refused with a 409 problem naming the return's state.
/// </summary>
public sealed class ReturnsLifecycleApiTests
{
    private const string InvalidTransition = "urn:presale:problem:return-invalid-transition";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Route → body that is valid on its own, so only the return's state can refuse it.
    private static readonly Dictionary<string, string> Routes = new(StringComparer.Ordinal)
    {
        ["in-transit"] = """{"trackingReference":"T-9"}""",
        ["receipt"] = """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a"}]}""",
        ["decision"] = """{"unitId":"HEADSET-1:1","action":"scrap","reviewer":"ops-1"}""",
        ["cancel"] = """{"operator":"ops-1","reason":"Too late"}""",
    };

    [Fact]
    public async Task EveryLifecycleState_IsReachedThroughTheRoutes_AndEachIllegalTransitionIs409NamingTheState()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        await ShopAsync(client);

        // Reached by the timer first (it triages every received unit it finds), then the states that must not be triaged.
        var refunded = await ReturnAsync(client, "refunded", "HEADSET-1", 40m);
        await PostAsync(client, refunded, "receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a"}]}""", HttpStatusCode.OK);
        var closed = await ReturnAsync(client, "closed", "TV-1", 899m);
        await PostAsync(client, closed, "receipt", """{"receipts":[{"unitId":"TV-1:1","grade":"d"}]}""", HttpStatusCode.OK);
        await FunctionRuns.SucceedsAsync(factory.Services, "TriageReturns");
        await PostAsync(client, closed, "decision", """{"unitId":"TV-1:1","action":"reject","reviewer":"ops-1","note":"Smashed by the customer"}""", HttpStatusCode.OK);

        var approved = await ReturnAsync(client, "approved", "HEADSET-1", 40m);
        var rejected = await ReturnAsync(client, "rejected", "HEADSET-1", 40m, requested: 2);
        var inTransit = await ReturnAsync(client, "in-transit", "HEADSET-1", 40m);
        await PostAsync(client, inTransit, "in-transit", "{}", HttpStatusCode.OK);
        var cancelled = await ReturnAsync(client, "cancelled", "HEADSET-1", 40m);
        await PostAsync(client, cancelled, "cancel", """{"customerId":"c1","reason":"Changed my mind"}""", HttpStatusCode.OK);
        var partially = await ReturnAsync(client, "partially", "HEADSET-1", 40m, delivered: 2, requested: 2);
        await PostAsync(client, partially, "receipt", """{"receipts":[{"unitId":"HEADSET-1:2","grade":"a"}]}""", HttpStatusCode.OK);
        var received = await ReturnAsync(client, "received", "HEADSET-1", 40m);
        await PostAsync(client, received, "receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"b"}]}""", HttpStatusCode.OK);

        var states = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [approved] = "approved", [rejected] = "rejected", [inTransit] = "inTransit", [cancelled] = "cancelled",
            [partially] = "partiallyReceived", [received] = "received", [refunded] = "refunded", [closed] = "closed",
        };
        foreach (var (id, state) in states)
        {
            Assert.Equal(state, (await GetAsync(client, id)).GetProperty("status").GetString());
        }

        // Requested and triaged are passed through in the same write as the next state: the timeline shows them.
        var lifecycle = (await GetAsync(client, refunded)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()!).ToArray();
        Assert.Equal(["requested", "approved", "received", "triaged", "refunded"], lifecycle);
        Assert.Equal(["requested", "rejected"], (await GetAsync(client, rejected)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()!));
        Assert.Contains("triaged", (await GetAsync(client, closed)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()!));

        // Each route in each state that does not allow it: 409, the state named, nothing changed.
        var illegal = new (string Id, string Route)[]
        {
            (rejected, "in-transit"), (rejected, "receipt"), (rejected, "decision"), (rejected, "cancel"),
            (cancelled, "in-transit"), (cancelled, "receipt"), (cancelled, "decision"), (cancelled, "cancel"),
            (inTransit, "in-transit"),
            (partially, "in-transit"), (partially, "cancel"),
            (received, "in-transit"), (received, "cancel"),
            (refunded, "in-transit"), (refunded, "receipt"), (refunded, "decision"), (refunded, "cancel"),
            (closed, "in-transit"), (closed, "receipt"), (closed, "decision"), (closed, "cancel"),
        };
        foreach (var (id, route) in illegal)
        {
            var body = route is "receipt" or "decision" && id == closed ? Routes[route].Replace("HEADSET-1", "TV-1", StringComparison.Ordinal) : Routes[route];
            using var response = await SendAsync(client, HttpMethod.Post, $"/api/returns/{id}/{route}", body);
            var problem = await Json(response);
            var what = $"{route} on a {states[id]} return";
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{what}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("type").GetString() == InvalidTransition, $"{what}: {problem}");
            Assert.Equal(states[id], problem.GetProperty("returnStatus").GetString());
            Assert.Contains($"is {char.ToUpperInvariant(states[id][0])}{states[id][1..]}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(states[id], (await GetAsync(client, id)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Cancel_ByTheCustomer_GivesTheUnitBack_AnotherCustomerIs403_AndWhoCancelsIsRequired()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        await ShopAsync(client);
        var (returnId, orderId) = await ReturnWithOrderAsync(client, "one", "HEADSET-1", 40m, 1, 1);

        using var stranger = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/cancel", """{"customerId":"c2"}""");
        using var nobody = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/cancel", "{}");
        using var missing = await SendAsync(client, HttpMethod.Post, "/api/returns/r00aaaaaaaaaaaaaaaaaaaaaaaa/cancel", """{"operator":"ops-1"}""");
        using var cancelled = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/cancel", """{"customerId":"c1","reason":"Found the charger"}""");

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal("customerId", (await Json(stranger)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.True((await Json(nobody)).GetProperty("errors").TryGetProperty("customerId", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await Json(cancelled);
        Assert.Equal("cancelled", view.GetProperty("status").GetString());
        Assert.Equal("Withdrawn by customer c1: Found the charger", view.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());

        // The unit went back to the order: a new return of it is approved, not rejected for quantity.
        using var again = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"doesNotFit"}]}""", "one-again");
        Assert.Equal("approved", (await Json(again)).GetProperty("status").GetString());
    }

    private static async Task ShopAsync(HttpClient client)
    {
        (await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""")).Dispose();
        foreach (var sku in new[] { "HEADSET-1", "TV-1" })
        {
            (await SendAsync(client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5,"category":"audio"}""")).Dispose();
        }
    }

    private static async Task<string> ReturnAsync(HttpClient client, string tag, string sku, decimal price, int delivered = 1, int requested = 1) =>
        (await ReturnWithOrderAsync(client, tag, sku, price, delivered, requested)).ReturnId;

    // An order of its own (keys from the tag), delivered, and a return of `requested` units of it.
    private static async Task<(string ReturnId, string OrderId)> ReturnWithOrderAsync(HttpClient client, string tag, string sku, decimal price, int delivered, int requested)
    {
        using var stocked = await SendAsync(client, HttpMethod.Post, $"/api/skus/{sku}/stock-adjustments", $$"""{"quantity":{{delivered}},"reason":"delivery"}""", "stock-" + tag);
        Assert.Equal(HttpStatusCode.OK, stocked.StatusCode);
        using var placed = await SendAsync(client, HttpMethod.Post, "/api/orders", $$"""{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"{{sku}}","quantity":{{delivered}},"unitPrice":{{price}}}],"currency":"EUR","acceptPreSaleTerms":true}""", "order-" + tag);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await Json(placed)).GetProperty("orderId").GetString()!;
        using var shipped = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", $$"""{"shipmentId":"s1","lines":[{"sku":"{{sku}}","quantity":{{delivered}}}],"shippedOn":"2026-03-02","deliveredOn":"2026-03-02"}""");
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        using var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"{{sku}}","quantity":{{requested}},"reason":"changedMind"}]}""", "return-" + tag);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await Json(created)).GetProperty("returnId").GetString()!, orderId);
    }

    private static async Task PostAsync(HttpClient client, string returnId, string route, string body, HttpStatusCode expected)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/{route}", body);
        Assert.True(response.StatusCode == expected, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string returnId) =>
        await Json(await client.GetAsync($"/api/returns/{returnId}", Ct));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).Clone();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }
}
