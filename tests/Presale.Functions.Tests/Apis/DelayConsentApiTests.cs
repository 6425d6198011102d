using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.DelayConsent;

namespace Presale.Functions.Tests.Apis;

public sealed class DelayConsentApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsentLink_WithoutAKey_DescribesOnGet_CancelsOnPost_AndRefusesATamperedToken()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayedOrderAsync(factory, revisedInDays: 45);
        var token = Uri.UnescapeDataString(notice.Links.Single(l => l.Rel == "cancel-order").Href.Query["?token=".Length..]);
        using var anonymous = factory.CreateClient();

        using var described = await anonymous.GetAsync(new Uri("/api/consent?token=" + Uri.EscapeDataString(token), UriKind.Relative), Ct);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        using var forged = await anonymous.PostAsync(new Uri("/api/consent?token=" + Uri.EscapeDataString(tampered), UriKind.Relative), null, Ct);
        using var cancelled = await anonymous.PostAsync(new Uri("/api/consent?token=" + Uri.EscapeDataString(token), UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        Assert.Contains("\"cancel\"", await described.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        using var body = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync(Ct));
        Assert.Equal("cancelled", body.RootElement.GetProperty("outcome").GetString());
        using var keyed = factory.CreateKeyedClient();
        using var order = JsonDocument.Parse(await keyed.GetStringAsync(new Uri("/api/orders/" + orderId, UriKind.Relative), Ct));
        Assert.Equal("cancelled", order.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DelayConsentEndpoint_NeedsTheFunctionKey_NamesABadAction_AndAccepts()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, _) = await DelayedOrderAsync(factory, revisedInDays: 45);
        using var anonymous = factory.CreateClient();
        using var keyed = factory.CreateKeyedClient();
        var path = new Uri($"/api/orders/{orderId}/delay-consent", UriKind.Relative);

        using var unauthorised = await anonymous.PostAsync(path, Json("""{"action":"accept"}"""), Ct);
        using var bad = await keyed.PostAsync(path, Json("""{"action":"maybe"}"""), Ct);
        using var accepted = await keyed.PostAsync(path, Json("""{"action":"accept"}"""), Ct);
        using var again = await keyed.PostAsync(path, Json("""{"action":"accept"}"""), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"action\"", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>A shop in <paramref name="locale"/> (Berlin, EUR), one order of 10 EUR, and its delay by <paramref name="revisedInDays"/> recorded.</summary>
    internal static async Task<(string OrderId, Domain.Notifications.Notification Notice)> DelayedOrderAsync(OrdersApiFactory factory, int revisedInDays, string locale = "en")
    {
        using var client = factory.CreateKeyedClient();
        await SendAsync(client, HttpMethod.Put, "/api/shop", $$"""{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"{{locale}}"}""");
        await SendAsync(client, HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5}""");
        using var placed = JsonDocument.Parse(await (await SendAsync(client, HttpMethod.Post, "/api/orders", """{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"KB-75","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""", "k1")).Content.ReadAsStringAsync(Ct));
        var orderId = placed.RootElement.GetProperty("orderId").GetString()!;
        var promise = DateOnly.Parse(placed.RootElement.GetProperty("lines")[0].GetProperty("promiseDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var notice = await factory.Services.GetRequiredService<IDelayConsentService>().RecordDelayAsync(new DelayedOrder(orderId, "c1", promise), promise.AddDays(revisedInDays), Ct);
        return (orderId, notice);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = Json(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return response;
    }
}
