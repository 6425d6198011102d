using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Presale.Functions.Tests.Apis;

public sealed class OrdersApiTests : IAsyncLifetime
{
    private readonly OrdersApiFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateKeyedClient();
        await SendAsync(HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":2,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":3,"reason":"delivery"}""", HttpStatusCode.OK, key: "adj-1");

        // Not orderable now (the clock stands at 2026-03-02T09:00Z): pre-sale off, window not open yet, window ended.
        await SendAsync(HttpMethod.Put, "/api/skus/OFF-1", """{"preSaleEnabled":false,"cap":5,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, "/api/skus/LATER-1", """{"preSaleEnabled":true,"saleFrom":"2026-04-01T00:00:00Z","cap":5,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, "/api/skus/ENDED-1", """{"preSaleEnabled":true,"saleFrom":"2026-01-01T00:00:00Z","saleTo":"2026-03-01T00:00:00Z","cap":5,"maxPerOrder":5}""", HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task PlaceOrder_Returns201WithPromisePerLine_AndTheSameAnswerForARetry()
    {
        var first = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 2), HttpStatusCode.Created, key: "k1");
        var retry = await _client.SendAsync(Request(HttpMethod.Post, "/api/orders", Order(quantity: 2), "k1"), Ct);

        Assert.Equal("confirmed", first["status"]!.GetValue<string>());
        Assert.Equal("2026-03-04", first["lines"]![0]!["promiseDate"]!.GetValue<string>());
        Assert.Equal("onHand", first["lines"]![0]!["source"]!["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.ToJsonString(), (await retry.Content.ReadFromJsonAsync<JsonObject>(Ct))!.ToJsonString());
        Assert.Equal($"/api/orders/{first["orderId"]}", retry.Headers.Location!.OriginalString);
        Assert.Single(_factory.Published, p => p.Queue == "reconcile");
        Assert.Single(_factory.Published, p => p.Queue == "notifications");
    }

    [Fact]
    public async Task PlaceOrder_SameKeyDifferentBody_Returns422Problem()
    {
        await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 1), HttpStatusCode.Created, key: "k1");

        var problem = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 2), HttpStatusCode.UnprocessableEntity, key: "k1");

        Assert.Equal("urn:presale:problem:idempotency-key-reused", problem["type"]!.GetValue<string>());
        Assert.Equal("Idempotency-Key", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlaceOrder_WhenShort_Returns409ProblemWithAvailabilityPerLine()
    {
        await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 2), HttpStatusCode.Created, key: "k0");

        var problem = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 5), HttpStatusCode.Conflict, key: "k1");
        var retry = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 5), HttpStatusCode.Conflict, key: "k1");

        Assert.Equal("urn:presale:problem:insufficient-supply", problem["type"]!.GetValue<string>());
        var line = problem["lines"]![0]!;
        Assert.Equal(5, line["requested"]!.GetValue<int>());
        Assert.Equal(3, line["available"]!.GetValue<int>()); // 1 left on hand + a cap of 2
        Assert.Equal("2026-03-18", line["earliestPromiseDate"]!.GetValue<string>()); // cap: today + 14 lead days + 2 handling days
        Assert.Equal("cap", line["source"]!["kind"]!.GetValue<string>());
        problem.Remove("traceId");
        retry.Remove("traceId");
        Assert.Equal(problem.ToJsonString(), retry.ToJsonString());
    }

    /// <summary>One bad field per row: the status, and the problem naming the field (in <c>errors</c>, or as <c>field</c>).</summary>
    public static TheoryData<string, string?, string?, int, string> BadPlacements => new()
    {
        { "unknown SKU", Line("NOPE", 1), "k-bad", 400, "lines[0].sku" },
        { "pre-sale off", Line("OFF-1", 1), "k-bad", 400, "lines[0].sku" },
        { "sale window not open yet", Line("LATER-1", 1), "k-bad", 400, "lines[0].sku" },
        { "sale window ended", Line("ENDED-1", 1), "k-bad", 400, "lines[0].sku" },
        { "zero quantity", Line("KB-75", 0), "k-bad", 400, "lines[0].quantity" },
        { "negative quantity", Line("KB-75", -1), "k-bad", 400, "lines[0].quantity" },
        { "huge quantity (beyond any order)", Line("KB-75", 2_000_000_000), "k-bad", 400, "lines[0].quantity" },
        { "huge quantity (not a 32-bit number)", Line("KB-75", 99999999999), "k-bad", 400, "lines[0].quantity" },
        { "quantity not a number", OrderWith("\"lines\":[{\"sku\":\"KB-75\",\"quantity\":\"one\",\"unitPrice\":1}]"), "k-bad", 400, "lines[0].quantity" },
        { "over the maximum per order", Line("KB-75", 6), "k-bad", 400, "lines[0].quantity" },
        { "duplicate lines", OrderWith("\"lines\":[{\"sku\":\"KB-75\",\"quantity\":1,\"unitPrice\":1},{\"sku\":\"KB-75\",\"quantity\":1,\"unitPrice\":1}]"), "k-bad", 400, "lines[1].sku" },
        { "no lines", OrderWith("\"lines\":[]"), "k-bad", 400, "lines" },
        { "wrong currency", Line("KB-75", 1).Replace("\"EUR\"", "\"USD\"", StringComparison.Ordinal), "k-bad", 400, "currency" },
        { "unknown tier", Line("KB-75", 1).Replace("\"gold\"", "\"diamond\"", StringComparison.Ordinal), "k-bad", 400, "tier" },
        { "pre-sale terms not accepted", Line("KB-75", 1).Replace("true}", "false}", StringComparison.Ordinal), "k-bad", 400, "acceptPreSaleTerms" },
        { "malformed JSON", Line("KB-75", 1)[..^1], "k-bad", 400, "body" },
        { "not JSON", "not json", "k-bad", 400, "body" },
        { "null body", "null", "k-bad", 400, "body" },
        { "oversize body", Line("KB-75", 1).Replace("\"c1\"", "\"c1\",\"padding\":\"" + new string('x', 5000) + "\"", StringComparison.Ordinal), "k-bad", 413, "body" },
        { "missing Idempotency-Key", Line("KB-75", 1), null, 400, "Idempotency-Key" },
        { "negative shipping charge", Shipping("-1"), "k-bad", 400, "shippingCharge" },
        { "shipping charge in fractions of a cent", Shipping("4.999"), "k-bad", 400, "shippingCharge" },
        { "huge shipping charge (above the bound)", Shipping("1000000001"), "k-bad", 400, "shippingCharge" },
        { "huge shipping charge (not a decimal)", Shipping("1e40"), "k-bad", 400, "shippingCharge" },
        { "shipping charge not a number", Shipping("\"free\""), "k-bad", 400, "shippingCharge" },
        { "shipping charge an object", Shipping("{\"amount\":4.9}"), "k-bad", 400, "shippingCharge" },
    };

    [Theory]
    [MemberData(nameof(BadPlacements))]
    public async Task PlaceOrder_BadInput_IsRefusedWithAProblemNamingTheField_AndHoldsNothing(string @case, string? body, string? key, int status, string field)
    {
        var problem = await SendAsync(HttpMethod.Post, "/api/orders", body, (HttpStatusCode)status, key);
        var supply = await SendAsync(HttpMethod.Get, "/api/skus/KB-75/supply", null, HttpStatusCode.OK);

        var named = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        if (problem["field"]?.GetValue<string>() is { } single)
        {
            named.Add(single);
        }

        Assert.True(named.Contains(field), $"{@case}: the problem names {string.Join(", ", named)}, not {field}: {problem.ToJsonString()}");
        Assert.StartsWith("urn:presale:problem:", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, supply["reserved"]!.GetValue<long>());
    }

    [Fact]
    public async Task PlaceOrder_NotSentAsJson_Returns415Problem()
    {
        using var text = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(Order(quantity: 1), Encoding.UTF8, "text/plain") };
        text.Headers.Add("Idempotency-Key", "k2");
        var unsupported = await _client.SendAsync(text, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Equal("application/problem+json", unsupported.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetOrder_Returns200ForAnOrder_And404ProblemOtherwise()
    {
        var placed = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 1), HttpStatusCode.Created, key: "k1");

        var read = await SendAsync(HttpMethod.Get, $"/api/orders/{placed["orderId"]}", null, HttpStatusCode.OK);
        var missing = await SendAsync(HttpMethod.Get, "/api/orders/o00000000000000000000000000", null, HttpStatusCode.NotFound);
        await SendAsync(HttpMethod.Get, "/api/orders/not-an-id", null, HttpStatusCode.NotFound);

        Assert.Equal(placed["orderId"]!.GetValue<string>(), read["orderId"]!.GetValue<string>());
        Assert.Equal("id", missing["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetOrder_ShowsTheShippingCharge_ZeroWhenNoneWasSent_AndTheCancellationRefundsIt()
    {
        var charged = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 2).Replace("\"currency\"", "\"shippingCharge\":4.90,\"currency\"", StringComparison.Ordinal), HttpStatusCode.Created, key: "k1");
        var free = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 1), HttpStatusCode.Created, key: "k2");

        var read = await SendAsync(HttpMethod.Get, $"/api/orders/{charged["orderId"]}", null, HttpStatusCode.OK);
        var readFree = await SendAsync(HttpMethod.Get, $"/api/orders/{free["orderId"]}", null, HttpStatusCode.OK);
        var cancelled = await SendAsync(HttpMethod.Post, $"/api/orders/{charged["orderId"]}/cancel", null, HttpStatusCode.OK);

        Assert.Equal(4.90m, charged["shippingCharge"]!.GetValue<decimal>());
        Assert.Equal(4.90m, read["shippingCharge"]!.GetValue<decimal>());
        Assert.Equal(2 * 10.5m, read["total"]!.GetValue<decimal>());
        Assert.Equal(0m, readFree["shippingCharge"]!.GetValue<decimal>());
        Assert.Equal(2 * 10.5m + 4.90m, cancelled["refundDue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task PlaceOrder_SameKeyWithAnotherShippingCharge_Returns422Problem()
    {
        await SendAsync(HttpMethod.Post, "/api/orders", Shipping("4.90"), HttpStatusCode.Created, key: "k1");

        var problem = await SendAsync(HttpMethod.Post, "/api/orders", Shipping("0.90"), HttpStatusCode.UnprocessableEntity, key: "k1");

        Assert.Equal("urn:presale:problem:idempotency-key-reused", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancelOrder_ReleasesTheUnitsAtOnce_AndShowsTheRefundDue()
    {
        var placed = await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 5), HttpStatusCode.Created, key: "k1");
        var before = await SendAsync(HttpMethod.Get, "/api/skus/KB-75/supply", null, HttpStatusCode.OK);

        var cancelled = await SendAsync(HttpMethod.Post, $"/api/orders/{placed["orderId"]}/cancel", """{"reason":"ordered twice"}""", HttpStatusCode.OK);
        var after = await SendAsync(HttpMethod.Get, "/api/skus/KB-75/supply", null, HttpStatusCode.OK);
        var again = await SendAsync(HttpMethod.Post, $"/api/orders/{placed["orderId"]}/cancel", null, HttpStatusCode.OK);

        Assert.Equal(0, before["available"]!.GetValue<long>());
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(5 * 10.5m, cancelled["refundDue"]!.GetValue<decimal>());
        Assert.Equal(5, after["available"]!.GetValue<long>());
        Assert.Equal("cancelled", again["status"]!.GetValue<string>());
        await SendAsync(HttpMethod.Post, "/api/orders/o00000000000000000000000000/cancel", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Quote_GivesThePromiseSourceAndAvailability_WithoutReserving()
    {
        var quote = await SendAsync(HttpMethod.Post, "/api/quotes", """{"lines":[{"sku":"KB-75","quantity":4}]}""", HttpStatusCode.OK);
        var supply = await SendAsync(HttpMethod.Get, "/api/skus/KB-75/supply", null, HttpStatusCode.OK);

        var line = quote["lines"]![0]!;
        Assert.True(line["promisable"]!.GetValue<bool>());
        Assert.Equal("cap", line["source"]!["kind"]!.GetValue<string>());
        Assert.Equal(5, line["availableQuantity"]!.GetValue<long>());
        Assert.Equal(0, supply["reserved"]!.GetValue<long>());
        await SendAsync(HttpMethod.Post, "/api/quotes", """{"lines":[{"sku":"bad sku","quantity":0}]}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Skus_AndLots_AnswerWithTheirStatusAndProblems()
    {
        var updated = await SendAsync(HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":4,"maxPerOrder":5,"category":"keyboards"}""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Get, "/api/skus/NOPE", null, HttpStatusCode.NotFound);
        var badSku = await SendAsync(HttpMethod.Get, "/api/skus/bad%20sku", null, HttpStatusCode.BadRequest);
        var badSettings = await SendAsync(HttpMethod.Put, "/api/skus/KB-76", """{"preSaleEnabled":true,"cap":-1,"maxPerOrder":0,"saleFrom":"2026-04-01T00:00:00Z","saleTo":"2026-03-01T00:00:00Z"}""", HttpStatusCode.BadRequest);
        var lot = await SendAsync(HttpMethod.Post, "/api/suppliers/acme/lots", """{"lotId":"L-1","purchaseOrderReference":"PO-1","eta":"2026-03-20","lines":[{"sku":"KB-75","quantity":10}]}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/suppliers/acme/lots", """{"lotId":"L-1","purchaseOrderReference":"PO-1","eta":"2026-03-20","lines":[{"sku":"KB-75","quantity":10}]}""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/suppliers/acme/lots", """{"lotId":"L-1","purchaseOrderReference":"PO-1","eta":"2026-03-21","lines":[{"sku":"KB-75","quantity":10}]}""", HttpStatusCode.Conflict);
        var pastEta = await SendAsync(HttpMethod.Post, "/api/suppliers/acme/lots", """{"lotId":"L-2","purchaseOrderReference":"PO-1","eta":"2026-03-01","lines":[{"sku":"NOPE","quantity":10}]}""", HttpStatusCode.BadRequest);
        var supply = await SendAsync(HttpMethod.Get, "/api/skus/KB-75/supply", null, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/orders", Order(quantity: 3), HttpStatusCode.Created, key: "k1");
        var belowReserved = await SendAsync(HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":-1,"reason":"damaged"}""", HttpStatusCode.Conflict, key: "adj-2");
        await SendAsync(HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":-1,"reason":"stolen"}""", HttpStatusCode.BadRequest, key: "adj-3");
        await SendAsync(HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":5,"reason":"count"}""", HttpStatusCode.UnprocessableEntity, key: "adj-1");
        var lotRead = await SendAsync(HttpMethod.Get, "/api/suppliers/acme/lots/L-1", null, HttpStatusCode.OK);

        Assert.Equal("keyboards", updated["category"]!.GetValue<string>());
        Assert.True(badSku["errors"]!.AsObject().ContainsKey("sku"));
        Assert.True(badSettings["errors"]!.AsObject().ContainsKey("cap"));
        Assert.True(badSettings["errors"]!.AsObject().ContainsKey("maxPerOrder"));
        Assert.True(badSettings["errors"]!.AsObject().ContainsKey("saleTo"));
        Assert.Equal("open", lot["status"]!.GetValue<string>());
        Assert.True(pastEta["errors"]!.AsObject().ContainsKey("eta"));
        Assert.Equal(17, supply["capacity"]!.GetValue<long>());
        Assert.Equal("quantity", belowReserved["field"]!.GetValue<string>());
        Assert.Equal("2026-03-20", lotRead["etaHistory"]![0]!["eta"]!.GetValue<string>());
    }

    private static string Line(string sku, long quantity) =>
        $$"""{"customerId":"c1","tier":"gold","notificationContact":{"email":"a@b.example"},"lines":[{"sku":"{{sku}}","quantity":{{quantity}},"unitPrice":1}],"currency":"EUR","acceptPreSaleTerms":true}""";

    private static string Shipping(string charge) =>
        Line("KB-75", 1).Replace("\"currency\"", $"\"shippingCharge\":{charge},\"currency\"", StringComparison.Ordinal);

    private static string OrderWith(string lines) =>
        $$"""{"customerId":"c1","tier":"gold","notificationContact":{"email":"a@b.example"},{{lines}},"currency":"EUR","acceptPreSaleTerms":true}""";

    private static string Order(int quantity, string sku = "KB-75") =>
        $$"""{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"{{sku}}","quantity":{{quantity}},"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""";

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? body, HttpStatusCode expected, string? key = null)
    {
        using var request = Request(method, path, body, key);
        using var response = await _client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!.AsObject();
    }
}
