using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;

namespace Presale.Adapters.Tests.ServiceBus;

/// <summary>The Service Bus REST publisher against a loopback receiver that checks the documented request shape and SAS.</summary>
public sealed class ServiceBusPublisherTests
{
    private const string KeyName = "RootManageSharedAccessKey";
    private const string Key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private ServiceBusPublisher Publisher(LoopbackServiceBus bus, string? key = null)
    {
        var options = new StorageClientOptions { TimeProvider = _time };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxRetries = 2;
        return new ServiceBusPublisher(ServiceBusNamespace.FromConnectionString($"Endpoint={bus.Endpoint};SharedAccessKeyName={KeyName};SharedAccessKey={key ?? Key}"), options);
    }

    [Fact]
    public async Task Publish_SendsTheDocumentedRequest_WithAValidSas()
    {
        await using var bus = new LoopbackServiceBus(KeyName, Key);
        var scheduled = new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));

        await Publisher(bus).PublishAsync("reconcile", new OutboundMessage("msg-1", "{\"sku\":\"ABC\"}", "corr-1", "SkuChanged", scheduled), Ct);

        var request = Assert.Single(bus.Requests);
        Assert.Null(request.AuthError);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/reconcile/messages", request.Url.AbsolutePath);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("{\"sku\":\"ABC\"}", request.Body);
        using var properties = JsonDocument.Parse(request.Headers["BrokerProperties"]);
        Assert.Equal("msg-1", properties.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal("corr-1", properties.RootElement.GetProperty("CorrelationId").GetString());
        Assert.Equal("SkuChanged", properties.RootElement.GetProperty("Label").GetString());
        Assert.Equal("Mon, 02 Mar 2026 09:30:00 GMT", properties.RootElement.GetProperty("ScheduledEnqueueTimeUtc").GetString());
        var expiry = request.Headers["Authorization"].Split('&').Single(p => p.StartsWith("se=", StringComparison.Ordinal))[3..];
        Assert.Equal(_time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), long.Parse(expiry, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Publish_WithoutOptionalFields_OmitsThemFromBrokerProperties()
    {
        await using var bus = new LoopbackServiceBus(KeyName, Key);

        await Publisher(bus).PublishAsync("orders", new OutboundMessage("msg-2", "{}"), Ct);

        using var properties = JsonDocument.Parse(Assert.Single(bus.Requests).Headers["BrokerProperties"]);
        Assert.Equal(["MessageId"], properties.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Publish_WhenThrottled_RetriesWithTheSameMessageId()
    {
        await using var bus = new LoopbackServiceBus(KeyName, Key);
        bus.Responses.Enqueue((503, "0"));
        bus.Responses.Enqueue((429, null));

        await Publisher(bus).PublishAsync("orders", new OutboundMessage("msg-3", "{}"), Ct);

        Assert.Equal(3, bus.Requests.Count);
        Assert.All(bus.Requests, r => Assert.Contains("\"MessageId\":\"msg-3\"", r.Headers["BrokerProperties"], StringComparison.Ordinal));
        Assert.All(bus.Requests, r => Assert.Null(r.AuthError));
    }

    [Fact]
    public async Task Publish_WithTheWrongKey_FailsWith401()
    {
        await using var bus = new LoopbackServiceBus(KeyName, Key);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Publisher(bus, key: "d3Jvbmc=").PublishAsync("orders", new OutboundMessage("m", "{}"), Ct));

        Assert.Equal(401, error.Status);
        Assert.Equal("signature mismatch", Assert.Single(bus.Requests).AuthError);
    }

    [Fact]
    public async Task Publish_ToAMissingEntity_ThrowsWith410()
    {
        await using var bus = new LoopbackServiceBus(KeyName, Key);
        bus.Responses.Enqueue((410, null));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Publisher(bus).PublishAsync("gone", new OutboundMessage("m", "{}"), Ct));

        Assert.Equal(410, error.Status);
    }

    [Theory]
    [InlineData("Endpoint=sb://presale.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=s", "https://presale.servicebus.windows.net/")]
    [InlineData("Endpoint=sb://localhost;SharedAccessKeyName=k;SharedAccessKey=s;UseDevelopmentEmulator=true", "http://localhost/")]
    [InlineData("Endpoint=http://127.0.0.1:5000/;SharedAccessKeyName=k;SharedAccessKey=s", "http://127.0.0.1:5000/")]
    public void ConnectionString_MapsToTheRestEndpoint(string connectionString, string endpoint)
    {
        var serviceBus = ServiceBusNamespace.FromConnectionString(connectionString);

        Assert.Equal(new Uri(endpoint), serviceBus.Endpoint);
        Assert.Equal("k", serviceBus.KeyName);
    }

    [Fact]
    public void ConnectionString_WithoutAKey_IsRejectedNamingWhatIsMissing()
    {
        var error = Assert.Throws<FormatException>(() => ServiceBusNamespace.FromConnectionString("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k"));

        Assert.Contains("SharedAccessKey", error.Message, StringComparison.Ordinal);
    }
}
