using System.Net;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Scripts;

/// <summary>
/// The README's run command stops the way a developer expects: one SIGTERM to its process group (Ctrl+C sends SIGINT
/// the same way) stops the app while Azurite still answers, then Azurite, within seconds, and an order accepted before
/// the signal is there after the next start.
/// </summary>
public sealed class RunLocalStopTests : IDisposable
{
    /// <summary>The app's own shutdown budget is 30 s; a stop that waits on storage runs into it.</summary>
    private static readonly TimeSpan PromptStop = TimeSpan.FromSeconds(20);

    private readonly string _azuriteData = Directory.CreateTempSubdirectory("presale-run-local-").FullName;

    [Fact]
    public async Task Stop_AfterAnOrder_StopsAppBeforeAzuriteWithinSecondsAndKeepsTheOrder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string orderId;
        await using (var first = await LocalRun.StartAsync(_azuriteData, cancellationToken))
        {
            orderId = await PlaceOrderAsync(first.Client);

            var took = await first.StopAsync(cancellationToken);

            Assert.DoesNotContain("Connection refused", first.Output, StringComparison.Ordinal);
            Assert.True(took < PromptStop, $"Stopping took {took.TotalSeconds:F1} s:{Environment.NewLine}{first.Output}");
        }

        await using var second = await LocalRun.StartAsync(_azuriteData, cancellationToken);
        var order = await JsonCalls.SendAsync(second.Client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK);
        Assert.Equal("confirmed", (string?)order["status"]);
        await second.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_azuriteData, recursive: true);

    private static async Task<string> PlaceOrderAsync(HttpClient client)
    {
        var sku = "STOP-" + Guid.NewGuid().ToString("N")[..8];
        await JsonCalls.SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        await JsonCalls.SendAsync(client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":3,"handlingDays":2}""", HttpStatusCode.Created);
        var placed = await JsonCalls.SendAsync(
            client,
            HttpMethod.Post,
            "/api/orders",
            $$"""{"customerId":"cust-{{sku}}","tier":"gold","notificationContact":{"email":"ada@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":49.90}],"currency":"EUR","acceptPreSaleTerms":true}""",
            HttpStatusCode.Created,
            idempotencyKey: "stop-" + sku);
        return (string)placed["orderId"]!;
    }
}
