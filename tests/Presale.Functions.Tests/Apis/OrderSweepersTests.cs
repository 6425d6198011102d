using System.Net;
using System.Text;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Apis;

public sealed class OrderSweepersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutboxSweeper_InvokedLikeATimer_PublishesWhatThePlacementCouldNot()
    {
        await using var factory = new OrdersApiFactory();
        using var client = factory.CreateKeyedClient();
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""");
        await SendAsync(client, HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5}""");
        factory.FailPublishing = true;
        var placed = await SendAsync(client, HttpMethod.Post, "/api/orders", """{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"KB-75","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""", "k1");
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Empty(factory.Published);
        factory.FailPublishing = false;
        factory.Time.Advance(TimeSpan.FromMinutes(1));

        await FunctionRuns.SucceedsAsync(factory.Services, "OutboxSweeper");

        Assert.Equal(["notifications", "reconcile"], factory.Published.Select(p => p.Queue).Order(StringComparer.Ordinal));
        var (_, message) = Assert.Single(factory.Published, p => p.Queue == "reconcile");
        Assert.EndsWith("-confirmed", message.MessageId, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return response;
    }
}
