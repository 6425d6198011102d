using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Presale.Application.DelayConsent;
using Presale.Application.Messaging;
using Presale.Functions.Functions;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Compensation;

/// <summary>
/// Standalone mode on Azurite: an order is placed and its supply slips today; the same app started with the clock
/// offset ten days ahead runs <c>CompensateLateOrders</c> (twice, and twice at once): each due tier is issued once,
/// the credits list shows them, and the customer's feed shows the delay notice, then the compensation notices.
/// Messages are captured instead of queued and handed to <c>DeliverNotification</c> through its invocation endpoint.
/// </summary>
public sealed class CompensationEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "e2e-admin-key-000000000001";
    private const string FunctionKey = "e2e-function-key-0000000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlippedOrder_TenDaysLater_IsCompensatedOncePerTier_AndTheFeedShowsTheNoticesInOrder()
    {
        var published = new ConcurrentQueue<OutboundMessage>();
        var tables = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Presale:Host:AdminKey"] = AdminKey,
            ["Presale:Host:FunctionKey"] = FunctionKey,
            ["Presale:Orders:ShopTable"] = AzuriteFixture.UniqueName("shop"),
            ["Presale:Orders:SupplyTable"] = AzuriteFixture.UniqueName("supply"),
            ["Presale:Orders:LotsTable"] = AzuriteFixture.UniqueName("lots"),
            ["Presale:Orders:OrdersTable"] = AzuriteFixture.UniqueName("orders"),
            ["Presale:Compensation:CreditsTable"] = AzuriteFixture.UniqueName("credits"),
            ["Presale:Notifications:FeedTable"] = AzuriteFixture.UniqueName("feed"),
            ["Presale:Notifications:DeliveryTable"] = AzuriteFixture.UniqueName("deliveries"),
        };

        string orderId;
        DateOnly promise;
        await using (var today = App(tables, published, offset: null))
        {
            using var client = Keyed(today.CreateClient(), FunctionKey);
            await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Asia/Shanghai","currency":"CNY","defaultHandlingDays":2,"locale":"zh-CN"}""");
            await SendAsync(client, HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""");
            await SendAsync(client, HttpMethod.Post, "/api/skus/KB-75/stock-adjustments", """{"quantity":10,"reason":"count"}""", "stock-1");
            using var placed = JsonDocument.Parse(await (await SendAsync(client, HttpMethod.Post, "/api/orders",
                """{"customerId":"c1","tier":"gold","notificationContact":{"email":"li@example.com"},"lines":[{"sku":"KB-75","quantity":2,"unitPrice":199}],"currency":"CNY","acceptPreSaleTerms":true}""", "order-1")).Content.ReadAsStringAsync(Ct));
            orderId = placed.RootElement.GetProperty("orderId").GetString()!;
            promise = DateOnly.ParseExact(placed.RootElement.GetProperty("lines")[0].GetProperty("promiseDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

            // The supply slipped: reconciliation records the delay (five days, accepted by silence).
            var delayed = await today.Services.GetRequiredService<IDelayConsentService>().RecordDelayAsync(new DelayedOrder(orderId, "c1", promise), promise.AddDays(5), Ct);
            Assert.False(delayed.ConsentRequired);
        }

        await using var later = App(tables, published, offset: "P10D");
        using var admin = Keyed(later.CreateClient(), AdminKey);
        await InvokeAsync(admin, "CompensateLateOrders", """{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""");
        await Task.WhenAll(
            InvokeAsync(admin, "CompensateLateOrders", """{"Data":{"timer":{"IsPastDue":true}},"Metadata":{}}"""),
            InvokeAsync(admin, "CompensateLateOrders", """{"Data":{"timer":{"IsPastDue":true}},"Metadata":{}}"""));

        using var reader = Keyed(later.CreateClient(), FunctionKey);
        using var credits = JsonDocument.Parse(await (await SendAsync(reader, HttpMethod.Get, "/api/customers/c1/credits")).Content.ReadAsStringAsync(Ct));
        var items = credits.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([$"comp:{orderId}:1", $"comp:{orderId}:2"], items.Select(i => i.GetProperty("id").GetString()));
        // 5 % of 398 = 19.90 per tier (above the minimum of 5; 39.80 would exceed the cap of 30, so tier 2 pays 10.10).
        Assert.Equal([19.90m, 10.10m], items.Select(i => i.GetProperty("amount").GetProperty("amount").GetDecimal()));

        // Deliver every captured notification (each twice, as a redelivering queue would).
        // (The "order confirmed" notice of the placement is left out: this test follows the delay and compensation notices.)
        var notifications = published.Where(m => m.Subject?.StartsWith("notification.", StringComparison.Ordinal) == true && m.Subject != "notification.orderConfirmed").ToList();
        Assert.Equal(3, notifications.Select(m => m.MessageId).Distinct().Count());
        foreach (var message in notifications.Concat(notifications))
        {
            var payload = JsonSerializer.Serialize(new
            {
                Data = new Dictionary<string, object> { [DeliverNotificationFunction.BindingName] = message.Body },
                Metadata = new Dictionary<string, object> { ["DeliveryCount"] = 1, ["MessageId"] = message.MessageId },
            });
            await InvokeAsync(admin, "DeliverNotification", payload);
        }

        using var feed = JsonDocument.Parse(await (await SendAsync(reader, HttpMethod.Get, "/api/customers/c1/notifications")).Content.ReadAsStringAsync(Ct));
        var ids = feed.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal($"notif:delayed:{orderId}:1", ids[^1]);
        Assert.Equal([$"notif:compensation-issued:{orderId}:1", $"notif:compensation-issued:{orderId}:2"], ids.Take(2).Order());
    }

    private static PresaleApp App(Dictionary<string, string?> settings, ConcurrentQueue<OutboundMessage> published, string? offset)
    {
        var app = new PresaleApp().WithServices(services =>
        {
            services.RemoveAll<IMessagePublisher>();
            services.AddSingleton<IMessagePublisher>(new CapturingPublisher(published));
        });
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return offset is null ? app : app.With("Presale:Clock:Offset", offset);
    }

    private static HttpClient Keyed(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    private static async Task InvokeAsync(HttpClient client, string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return response;
    }

    private sealed class CapturingPublisher(ConcurrentQueue<OutboundMessage> published) : IMessagePublisher
    {
        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            published.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
