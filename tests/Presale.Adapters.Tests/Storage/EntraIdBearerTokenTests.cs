using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Presale.Adapters.Queues;
using Presale.Adapters.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Adapters.Tests.Storage;

/// <summary>
/// With an Entra ID credential (managed identity in Azure) every adapter sends <c>Authorization: Bearer</c> with a token
/// for its service's scope, over HTTPS, and never a Shared Key or SAS signature. Checked on the wire with a fake
/// credential and a scripted transport.
/// </summary>
public sealed class EntraIdBearerTokenTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static StorageClientOptions Options(ScriptedHttpHandler handler)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return options;
    }

    private static void AssertBearerOnly(RecordedRequest request, string token)
    {
        Assert.Equal(Uri.UriSchemeHttps, request.Url.Scheme);
        Assert.Equal("Bearer " + token, request.Header("Authorization"));
        Assert.DoesNotContain(request.Headers, h => h.Value.StartsWith("SharedKey", StringComparison.Ordinal) || h.Value.StartsWith("SharedAccessSignature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TableAdapter_WithACredential_SendsABearerTokenForTheStorageScope()
    {
        var credential = new FakeTokenCredential("table-token");
        var handler = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.OK, """{"value":[]}""")
            .Respond(HttpStatusCode.NoContent, null, ("ETag", "W/\"datetime'2026-03-02T09%3A00%3A00Z'\""));
        var store = new TableStorageStore(StorageAccount.FromCredential("presaledata", credential), Options(handler));

        await store.ProbeAsync(Ct);
        var inserted = await store.InsertAsync("orders", new TableEntity("p", "r"), Ct);

        Assert.Equal(WriteStatus.Ok, inserted.Status);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => AssertBearerOnly(r, "table-token"));
        Assert.Equal("presaledata.table.core.windows.net", handler.Requests[1].Url.Host);
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, s => Assert.Equal(["https://storage.azure.com/.default"], s));
    }

    [Fact]
    public async Task QueueAdapter_WithACredential_SendsABearerTokenForTheStorageScope()
    {
        var credential = new FakeTokenCredential("queue-token");
        var handler = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.OK, "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Queues /></EnumerationResults>", ("Content-Type", "application/xml"))
            .Respond(
                HttpStatusCode.Created,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>1</MessageId><InsertionTime>Mon, 02 Mar 2026 09:00:00 GMT</InsertionTime>" +
                "<ExpirationTime>Fri, 31 Dec 9999 23:59:59 GMT</ExpirationTime><PopReceipt>p</PopReceipt><TimeNextVisible>Mon, 02 Mar 2026 09:00:00 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>",
                ("Content-Type", "application/xml"));
        var queues = new StorageQueueClient(StorageAccount.FromCredential("presaledata", credential), Options(handler));

        await queues.ProbeAsync(Ct);
        await queues.PublishAsync("orders", new OutboundMessage("m-1", "{}"), Ct);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => AssertBearerOnly(r, "queue-token"));
        Assert.Equal("presaledata.queue.core.windows.net", handler.Requests[1].Url.Host);
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, s => Assert.Equal(["https://storage.azure.com/.default"], s));
    }

    [Fact]
    public async Task ServiceBusPublisher_WithACredential_SendsABearerTokenForTheServiceBusScope()
    {
        var credential = new FakeTokenCredential("bus-token");
        var handler = new ScriptedHttpHandler().Respond(HttpStatusCode.Created);
        var publisher = new ServiceBusPublisher(ServiceBusNamespace.FromCredential("presale.servicebus.windows.net", credential), Options(handler));

        await publisher.PublishAsync("orders", new OutboundMessage("m-1", "{}"), Ct);

        var request = Assert.Single(handler.Requests);
        AssertBearerOnly(request, "bus-token");
        Assert.Equal("https://presale.servicebus.windows.net/orders/messages", request.Url.GetLeftPart(UriPartial.Path));
        Assert.All(credential.Scopes, s => Assert.Equal(["https://servicebus.azure.net/.default"], s));
        Assert.NotEmpty(credential.Scopes);
    }

    /// <summary>Hands out one fixed token and records the scopes it was asked for.</summary>
    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        private readonly ConcurrentQueue<string[]> _scopes = new();

        public IReadOnlyList<string[]> Scopes => [.. _scopes];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            _scopes.Enqueue(requestContext.Scopes);
            return new AccessToken(token, TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
