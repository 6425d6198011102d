using System.Globalization;
using System.Net;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// A shipped unit never goes back on sale, through the real app on Azurite: shipping takes the units out of stock,
/// a fully shipped order cannot be cancelled (the customer returns instead), and a restocked return puts the unit back
/// on hand exactly once.
/// </summary>
public sealed class AzuriteShipmentStockHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "shipment-stock-http-key";
    private const string Sku = "LAMP-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShippedAndDeliveredUnit_LeavesStock_CannotBeCancelledBack_AndIsNotSoldAgainUntilItsReturnIsRestocked()
    {
        await using var app = CreateApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, $"/api/skus/{Sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5,"category":"home"}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, $"/api/skus/{Sku}/stock-adjustments", """{"quantity":1,"reason":"delivery"}""", HttpStatusCode.OK, "stock-1");

        var a = (await SendAsync(client, HttpMethod.Post, "/api/orders", OrderBody("ann"), HttpStatusCode.Created, "order-a"))["orderId"]!.GetValue<string>();
        await SendAsync(client, HttpMethod.Post, $"/api/orders/{a}/shipments", $$"""{"shipmentId":"parcel-a","lines":[{"sku":"{{Sku}}","quantity":1}],"shippedOn":"{{today}}","deliveredOn":"{{today}}"}""", HttpStatusCode.Created);

        var supply = await SendAsync(client, HttpMethod.Get, $"/api/skus/{Sku}/supply", null, HttpStatusCode.OK);
        Assert.Equal((0, 0L, 0L), (supply["onHand"]!.GetValue<int>(), supply["reserved"]!.GetValue<long>(), supply["available"]!.GetValue<long>()));

        // Every unit of A has shipped: there is nothing left to cancel, and nothing goes back on sale.
        var refused = await SendAsync(client, HttpMethod.Post, $"/api/orders/{a}/cancel", "{}", HttpStatusCode.Conflict);
        Assert.Equal("urn:presale:problem:order-shipped", refused["type"]!.GetValue<string>());
        Assert.Equal("shipped", refused["fulfilment"]!.GetValue<string>());
        Assert.Equal("confirmed", (await SendAsync(client, HttpMethod.Get, $"/api/orders/{a}", null, HttpStatusCode.OK))["status"]!.GetValue<string>());
        supply = await SendAsync(client, HttpMethod.Get, $"/api/skus/{Sku}/supply", null, HttpStatusCode.OK);
        Assert.Equal((0, 0L, 0L), (supply["onHand"]!.GetValue<int>(), supply["reserved"]!.GetValue<long>(), supply["available"]!.GetValue<long>()));
        var b = await SendAsync(client, HttpMethod.Post, "/api/orders", OrderBody("bea"), HttpStatusCode.Conflict, "order-b");
        Assert.Equal("urn:presale:problem:insufficient-supply", b["type"]!.GetValue<string>());

        // The customer returns the unit; restocked, it is on hand once (not twice) and sellable again.
        var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{a}}","customerId":"ann","lines":[{"sku":"{{Sku}}","quantity":1,"reason":"changedMind","statedCondition":"a"}]}""", HttpStatusCode.Created, "return-a");
        var returnId = created["returnId"]!.GetValue<string>();
        await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", $$"""{"receipts":[{"unitId":"{{Sku}}:1","grade":"a","serial":"SN-1"}]}""", HttpStatusCode.OK);
        await FunctionRuns.SucceedsAsync(app.Services, "TriageReturns");

        Assert.Equal("refunded", (await SendAsync(client, HttpMethod.Get, $"/api/returns/{returnId}", null, HttpStatusCode.OK))["status"]!.GetValue<string>());
        supply = await SendAsync(client, HttpMethod.Get, $"/api/skus/{Sku}/supply", null, HttpStatusCode.OK);
        Assert.Equal((1, 0L, 1L), (supply["onHand"]!.GetValue<int>(), supply["reserved"]!.GetValue<long>(), supply["available"]!.GetValue<long>()));
        await SendAsync(client, HttpMethod.Post, "/api/orders", OrderBody("bea"), HttpStatusCode.Created, "order-b2");
        await SendAsync(client, HttpMethod.Post, "/api/orders", OrderBody("cy"), HttpStatusCode.Conflict, "order-c");
    }

    private static string OrderBody(string customer) =>
        $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{Sku}}","quantity":1,"unitPrice":25}],"currency":"EUR","acceptPreSaleTerms":true}""";

    private PresaleApp CreateApp()
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        return new PresaleApp(TestDefinitions.WithQueues(("reconcile", reconcileQueue)))
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:FunctionKey", Key)
            .WithOwnTables()
            .With("Presale:Orders:ReconcileQueue", reconcileQueue);
    }
}
