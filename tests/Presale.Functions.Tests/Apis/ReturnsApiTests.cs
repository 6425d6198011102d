using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.Storage;

namespace Presale.Functions.Tests.Apis;

public sealed class ReturnsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Return_ThroughTheRoutesAndTheTriageTimer_IsRestockedAndRefunded()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        var orderId = await DeliveredOrderAsync(client, "HEADSET-1", price: 40m);

        using var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"changedMind","statedCondition":"a"}],"photoUrls":["https://example.com/p.jpg"]}""", "ret-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var returnId = (await Json(created)).GetProperty("returnId").GetString()!;
        Assert.Equal($"/api/returns/{returnId}", created.Headers.Location!.OriginalString);
        using var replay = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"changedMind","statedCondition":"a"}],"photoUrls":["https://example.com/p.jpg"]}""", "ret-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/in-transit", """{"trackingReference":"T-1"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a","serial":"SN1"}]}""")).StatusCode);
        await InvokeTimerAsync(client, "TriageReturns");

        var view = await Json(await client.GetAsync($"/api/returns/{returnId}", Ct));
        Assert.Equal("refunded", view.GetProperty("status").GetString());
        Assert.Equal("restock", view.GetProperty("units")[0].GetProperty("action").GetString());
        Assert.Equal("sealed-restock", view.GetProperty("units")[0].GetProperty("rule").GetString());
        Assert.Equal(40m, view.GetProperty("refund").GetProperty("total").GetDecimal());
        Assert.Equal(6, view.GetProperty("timeline").GetArrayLength());
        Assert.Contains(factory.Published, p => p.Queue == "reconcile" && p.Message.Subject == "return.restocked");
        Assert.Contains(factory.Published, p => p.Queue == "notifications" && p.Message.Subject == "notification.returnDecided");
        // The one unit on hand left when it shipped; restocked, it is back on hand once.
        var supply = await Json(await client.GetAsync("/api/skus/HEADSET-1/supply", Ct));
        Assert.Equal(1, supply.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task TriageTimer_WithAnOutboxRowThatKeepsFailing_StillTriages_AndFailsTheInvocationForTheHost()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        var orderId = await DeliveredOrderAsync(client, "HEADSET-1", price: 40m);
        using var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"changedMind"}]}""", "ret-1");
        var returnId = (await Json(created)).GetProperty("returnId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a"}]}""")).StatusCode);

        // An outbox row in the first partition the timer sweeps, whose body is not a restock: it fails every time.
        var poison = new TableEntity("r00", "outbox|0000000000000000001|poison", new Dictionary<string, object?>
        {
            ["EffectId"] = "poison-effect", ["Kind"] = "Restock", ["Target"] = "HEADSET-1", ["Subject"] = "return.restocked",
            ["Body"] = "not json", ["CorrelationId"] = "r00bad", ["CreatedAt"] = factory.Time.GetUtcNow().AddHours(-1),
        });
        Assert.True((await factory.Services.GetRequiredService<ITableStore>().InsertAsync("returns", poison, Ct)).Succeeded);

        await InvokeTimerAsync(client, "TriageReturns", HttpStatusCode.InternalServerError);

        var view = await Json(await client.GetAsync($"/api/returns/{returnId}", Ct));
        Assert.Equal("refunded", view.GetProperty("status").GetString());
        Assert.Equal("restock", view.GetProperty("units")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task IllegalTransition_Is409NamingTheState_AndBadInputIs400NamingTheField()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        var orderId = await DeliveredOrderAsync(client, "HEADSET-1", price: 40m);
        using var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"doesNotFit"}]}""", "ret-1");
        var returnId = (await Json(created)).GetProperty("returnId").GetString()!;
        await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"b"}]}""");

        using var transit = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/in-transit", "");
        var problem = await Json(transit);
        Assert.Equal(HttpStatusCode.Conflict, transit.StatusCode);
        Assert.Equal("urn:presale:problem:return-invalid-transition", problem.GetProperty("type").GetString());
        Assert.Equal("received", problem.GetProperty("returnStatus").GetString());

        using var again = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a"}]}""");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("HEADSET-1:1", (await Json(again)).GetProperty("units")[0].GetString());

        using var badGrade = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"e"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        Assert.True((await Json(badGrade)).GetProperty("errors").TryGetProperty("receipts[0].grade", out _));

        using var unknownUnit = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/decision", """{"unitId":"OTHER-1:1","action":"scrap","reviewer":"ops"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownUnit.StatusCode);
        Assert.True((await Json(unknownUnit)).GetProperty("errors").TryGetProperty("unitId", out _));

        using var noKey = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"doesNotFit"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True((await Json(noKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        using var notOwner = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c2","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"doesNotFit"}]}""", "ret-2");
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        var ownerProblem = await Json(notOwner);
        Assert.Equal("urn:presale:problem:return-not-order-owner", ownerProblem.GetProperty("type").GetString());
        Assert.Equal("customerId", ownerProblem.GetProperty("field").GetString());
        using var unknownOrder = await SendAsync(client, HttpMethod.Post, "/api/returns", """{"orderId":"no-such-order","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":1,"reason":"doesNotFit"}]}""", "ret-3");
        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal("orderId", (await Json(unknownOrder)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/returns/{ReturnIdFor("ret-2")}", Ct)).StatusCode);

        using var missing = await client.GetAsync("/api/returns/r00aaaaaaaaaaaaaaaaaaaaaaaa", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badStatus = await client.GetAsync("/api/returns?status=received", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        using var queue = await client.GetAsync("/api/returns?status=review&limit=5", Ct);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task Intake_WithNothingEligible_Is201WithARejectedReturnAndItsReasons_AndTheCustomerIsTold()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        var orderId = await DeliveredOrderAsync(client, "HEADSET-1", price: 40m);

        using var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{orderId}}","customerId":"c1","lines":[{"sku":"HEADSET-1","quantity":2,"reason":"changedMind"}]}""", "ret-1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await Json(created);
        var returnId = view.GetProperty("returnId").GetString()!;
        Assert.Equal($"/api/returns/{returnId}", created.Headers.Location!.OriginalString);
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.False(view.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal("quantityExceedsReturnable", view.GetProperty("eligibility").GetProperty("lines")[0].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("rejected", (await Json(await client.GetAsync($"/api/returns/{returnId}", Ct))).GetProperty("status").GetString());
        var notice = Assert.Single(factory.Published, p => p.Queue == "notifications" && p.Message.Subject == "notification.returnDecided");
        var notification = Presale.Application.Notifications.NotificationMessageSerializer.Deserialize(notice.Message.Body).Notification;
        Assert.Equal((Presale.Domain.Notifications.ReturnDecision.Rejected, "c1", returnId), (notification.ReturnDecision, notification.CustomerId, notification.ReturnId));

        using var receipt = await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", """{"receipts":[{"unitId":"HEADSET-1:1","grade":"a"}]}""");
        Assert.Equal(HttpStatusCode.Conflict, receipt.StatusCode);
        Assert.Equal("rejected", (await Json(receipt)).GetProperty("returnStatus").GetString());
    }

    [Fact]
    public async Task Shipment_IsIdempotentById_AndRefusesOverShipping()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        var orderId = await PlacedOrderAsync(client, "HEADSET-1", 40m);
        var body = """{"shipmentId":"s1","lines":[{"sku":"HEADSET-1","quantity":1}],"shippedOn":"2026-03-02"}""";

        using var first = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", body);
        using var again = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", body);
        using var delivered = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", """{"shipmentId":"s1","lines":[{"sku":"HEADSET-1","quantity":1}],"shippedOn":"2026-03-02","deliveredOn":"2026-03-03"}""");
        using var other = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", """{"shipmentId":"s1","lines":[{"sku":"HEADSET-1","quantity":1}],"shippedOn":"2026-03-01"}""");
        using var over = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", """{"shipmentId":"s2","lines":[{"sku":"HEADSET-1","quantity":1}],"shippedOn":"2026-03-02"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var line = (await Json(delivered)).GetProperty("lines")[0];
        Assert.Equal(1, line.GetProperty("delivered").GetInt32());
        Assert.Equal("2026-03-03", line.GetProperty("deliveredOn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.True((await Json(over)).GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
    }

    private static async Task<string> PlacedOrderAsync(HttpClient client, string sku, decimal price)
    {
        (await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""")).Dispose();
        (await SendAsync(client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5,"category":"audio"}""")).Dispose();
        (await SendAsync(client, HttpMethod.Post, $"/api/skus/{sku}/stock-adjustments", """{"quantity":1,"reason":"delivery"}""", "stock-1")).Dispose();
        using var placed = await SendAsync(client, HttpMethod.Post, "/api/orders", $$"""{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":{{price}}}],"currency":"EUR","acceptPreSaleTerms":true}""", "order-1");
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        return (await Json(placed)).GetProperty("orderId").GetString()!;
    }

    private static async Task<string> DeliveredOrderAsync(HttpClient client, string sku, decimal price)
    {
        var orderId = await PlacedOrderAsync(client, sku, price);
        using var shipped = await SendAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/shipments", $$"""{"shipmentId":"s1","lines":[{"sku":"{{sku}}","quantity":1}],"shippedOn":"2026-03-02","deliveredOn":"2026-03-02"}""");
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        return orderId;
    }

    private static async Task InvokeTimerAsync(HttpClient client, string name, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var invoke = new HttpRequestMessage(HttpMethod.Post, "/" + name)
        {
            Content = new StringContent("""{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""", Encoding.UTF8, "application/json"),
        };
        invoke.Headers.Add("x-functions-key", OrdersApiFactory.AdminKey);
        using var invoked = await client.SendAsync(invoke, Ct);
        Assert.Equal(expected, invoked.StatusCode);
    }

    private static string ReturnIdFor(string idempotencyKey) => Presale.Application.Returns.ReturnIds.ForIdempotencyKey(idempotencyKey).ReturnId;

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
