using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Host.Standalone;


namespace Presale.Functions.Tests.Apis;

/// <summary>
/// The customer hears of an order placed and of an order cancelled: the notices the order routes write to the outbox go
/// to the notifications queue and, handed to <c>DeliverNotification</c> through its invocation endpoint as the queue
/// would, reach the customer's feed.
/// </summary>
public sealed class OrderNoticesApiTests : IAsyncLifetime
{
    private readonly OrdersApiFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateKeyedClient();
        await SendAsync(HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""");
        await SendAsync(HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5}""");
        await SendAsync(HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":1,"reason":"delivery"}""", "adj-1");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task PlacedOrder_ConfirmedNoticeWithItsPromise_ReachesTheCustomersFeed()
    {
        // One unit on hand (promised 2026-03-04), two from the cap (14 lead days + 2 handling: 2026-03-18).
        var placed = await SendAsync(HttpMethod.Post, "/api/orders", Order("jane", 3), "k1");

        var entry = Assert.Single(await DeliverAndReadFeedAsync("jane"));

        var notice = entry!["notification"]!;
        Assert.Equal("orderConfirmed", notice["kind"]!.GetValue<string>());
        Assert.Equal(placed["orderId"]!.GetValue<string>(), notice["orderId"]!.GetValue<string>());
        Assert.Equal("2026-03-18", notice["promisedDate"]!.GetValue<string>());
        Assert.Equal("2026-03-18", placed["lines"]![0]!["promiseDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancelledOrder_CancelledAndRefundedNoticeWithTheRefund_ReachesTheCustomersFeed()
    {
        var placed = await SendAsync(HttpMethod.Post, "/api/orders", Order("li", 2), "k1");
        await SendAsync(HttpMethod.Post, $"/api/orders/{placed["orderId"]}/cancel", """{"reason":"changed my mind"}""");

        var feed = await DeliverAndReadFeedAsync("li");

        var cancelled = Assert.Single(feed, e => e!["notification"]!["kind"]!.GetValue<string>() == "cancelledAndRefunded")!["notification"]!;
        Assert.Equal(placed["orderId"]!.GetValue<string>(), cancelled["orderId"]!.GetValue<string>());
        Assert.Equal(21.00m, cancelled["amount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("EUR", cancelled["amount"]!["currency"]!.GetValue<string>());
        Assert.Contains(feed, e => e!["notification"]!["kind"]!.GetValue<string>() == "orderConfirmed");
    }

    /// <summary>Hands every message published to the notifications queue to DeliverNotification, as its queue trigger does, then reads the customer's feed.</summary>
    private async Task<JsonArray> DeliverAndReadFeedAsync(string customer)
    {
        var notices = _factory.Published.Where(p => p.Queue == "notifications").Select(p => p.Message).ToList();
        Assert.NotEmpty(notices);
        foreach (var message in notices)
        {
            var outcome = await _factory.Services.GetRequiredService<IFunctionInvoker>().InvokeAsync(
                DeliverNotificationFunction.FunctionName, TriggerInput.ForMessage(message.Body, 1), Ct);
            Assert.True(outcome.Succeeded, outcome.Failure?.ToString());
        }

        return (await SendAsync(HttpMethod.Get, $"/api/customers/{customer}/notifications", null))["items"]!.AsArray();
    }

    private static string Order(string customer, int quantity) =>
        $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"KB-75","quantity":{{quantity}},"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""";

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await _client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!.AsObject();
    }
}
