using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.Messaging;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Returns;

/// <summary>
/// Returns through reconciliation, in standalone mode on Azurite: a grade-A unit returned by one customer is restocked
/// by the <c>TriageReturns</c> timer (invoked as the host invokes it), the restock's reconcile message goes through the
/// local broker to <c>ReconcileSku</c>, which makes the other customer's pre-sale order (waiting on the cap) ready to
/// ship; both customers' notifications go through the notifications queue into their feeds. Unique table and queue
/// names; polling with a deadline, never a fixed sleep. The reconcile queue's traffic is recorded (published and
/// completed messages), so the test waits until every earlier reconcile message was handled before the return is
/// triaged: bob can then only become ready through the restock's own message, which must be handled too.
/// </summary>
public sealed class ReturnsReconcileEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "returns-e2e-function-key";
    private const string Sku = "SPEAKER-9";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RestockedGradeAUnit_IsReconciledToTheWaitingPreSaleOrder_AndBothCustomersAreNotified()
    {
        await using var app = PresaleApp.WithTriggersOnAzurite(azurite.ConnectionString, Key);
        var traffic = new QueueTraffic(app.ReconcileQueue);
        app.WithServices(s =>
        {
            Decorate<IMessagePublisher>(s, inner => new RecordingPublisher(inner, traffic));
            Decorate<IQueueReceiver>(s, inner => new RecordingReceiver(inner, traffic));
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // One unit on hand and one more sellable ahead of supply (the cap): alice gets the unit, bob waits on the cap.
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, $"/api/skus/{Sku}", """{"preSaleEnabled":true,"cap":1,"maxPerOrder":5,"category":"audio"}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, $"/api/skus/{Sku}/stock-adjustments", """{"quantity":1,"reason":"delivery"}""", HttpStatusCode.OK, "stock-1");
        var alice = await PlaceAsync(client, "alice");
        var bob = await PlaceAsync(client, "bob");
        await TrackingAsync(client, alice, "readyToShip");
        await TrackingAsync(client, bob, "onTrack");

        var shipment = $$"""{"shipmentId":"ship-a","lines":[{"sku":"{{Sku}}","quantity":1}],"shippedOn":"{{today}}","deliveredOn":"{{today}}"}""";
        await SendAsync(client, HttpMethod.Post, $"/api/orders/{alice}/shipments", shipment, HttpStatusCode.Created);
        var created = await SendAsync(client, HttpMethod.Post, "/api/returns", $$"""{"orderId":"{{alice}}","customerId":"alice","lines":[{"sku":"{{Sku}}","quantity":1,"reason":"changedMind","statedCondition":"a"}]}""", HttpStatusCode.Created, "ret-alice");
        var returnId = created["returnId"]!.GetValue<string>();
        await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/in-transit", """{"trackingReference":"TRACK-9"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Post, $"/api/returns/{returnId}/receipt", $$"""{"receipts":[{"unitId":"{{Sku}}:1","grade":"a","serial":"SN-9"}]}""", HttpStatusCode.OK);

        // Every reconcile message so far (the placements') is handled, and bob still waits: only the restock can move him.
        await UntilAsync(() => traffic.Published.Count > 0 && traffic.Published.Values.All(traffic.Completed.ContainsKey), "the placements' reconcile messages handled");
        await TrackingAsync(client, bob, "onTrack");

        await FunctionRuns.SucceedsAsync(app.Services, "TriageReturns");

        Assert.Equal("refunded", (await SendAsync(client, HttpMethod.Get, $"/api/returns/{returnId}", null, HttpStatusCode.OK))["status"]!.GetValue<string>());

        // The restock's reconcile message reaches ReconcileSku: bob's order moves onto the returned unit.
        var tracking = await TrackingAsync(client, bob, "readyToShip");
        Assert.Equal(1, tracking["allocatedUnits"]!.GetValue<int>());
        // Alice's unit left on hand when it shipped; restocked, it is back once, and bob holds it.
        var supply = await SendAsync(client, HttpMethod.Get, $"/api/skus/{Sku}/supply", null, HttpStatusCode.OK);
        Assert.Equal((1, 1L), (supply["onHand"]!.GetValue<int>(), supply["reserved"]!.GetValue<long>()));
        var restocked = $"{returnId}-{Sku}:1-restocked";
        await UntilAsync(() => traffic.Published.TryGetValue(restocked, out var body) && traffic.Completed.ContainsKey(body), "the restock's reconcile message handled by ReconcileSku");
        Assert.Contains("\"return.restocked\"", traffic.Published[restocked], StringComparison.Ordinal);

        await FeedHoldsAsync(client, "alice", "returnDecided");
        await FeedHoldsAsync(client, "bob", "readyToShip");
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (!done())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Not reached within {Deadline}: {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    // Replaces the app's registration of T with a wrapper around it.
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(registered);
        services.AddSingleton(sp => wrap(registered.ImplementationInstance as T
            ?? registered.ImplementationFactory?.Invoke(sp) as T
            ?? (T)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    private static async Task<string> PlaceAsync(HttpClient client, string customer)
    {
        var body = $$"""{"customerId":"{{customer}}","tier":"standard","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{Sku}}","quantity":1,"unitPrice":80}],"currency":"EUR","acceptPreSaleTerms":true}""";
        return (await SendAsync(client, HttpMethod.Post, "/api/orders", body, HttpStatusCode.Created, "order-" + customer))["orderId"]!.GetValue<string>();
    }

    private static async Task<JsonObject> TrackingAsync(HttpClient client, string orderId, string status)
    {
        var order = await EventuallyAsync(
            () => SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK),
            o => o["lines"]![0]!["tracking"]?["status"]?.GetValue<string>() == status,
            Deadline);
        return order["lines"]![0]!["tracking"]!.AsObject();
    }

    private static Task<JsonObject> FeedHoldsAsync(HttpClient client, string customer, string kind) =>
        EventuallyAsync(
            () => SendAsync(client, HttpMethod.Get, $"/api/customers/{customer}/notifications", null, HttpStatusCode.OK),
            f => f["items"]!.AsArray().Any(i => i!["notification"]!["kind"]!.GetValue<string>() == kind),
            Deadline);

    /// <summary>
    /// The reconcile queue's messages: published (id → body) and completed after a successful run (by body: a storage
    /// queue message carries only its body, so the publisher's id does not come back with it).
    /// </summary>
    private sealed class QueueTraffic(string queue)
    {
        public string Queue { get; } = queue;

        public ConcurrentDictionary<string, string> Published { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Completed { get; } = new(StringComparer.Ordinal);
    }

    private sealed class RecordingPublisher(IMessagePublisher inner, QueueTraffic traffic) : IMessagePublisher
    {
        public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            await inner.PublishAsync(queue, message, cancellationToken);
            if (queue == traffic.Queue)
            {
                traffic.Published[message.MessageId] = message.Body;
            }
        }
    }

    private sealed class RecordingReceiver(IQueueReceiver inner, QueueTraffic traffic) : IQueueReceiver
    {
        public Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default) => inner.CreateQueueIfNotExistsAsync(queue, cancellationToken);

        public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
            inner.ReceiveAsync(queue, maxMessages, lockDuration, cancellationToken);

        public Task<ReceivedMessage> RenewLockAsync(string queue, ReceivedMessage message, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
            inner.RenewLockAsync(queue, message, lockDuration, cancellationToken);

        public Task<ReceivedMessage> AbandonAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
            inner.AbandonAsync(queue, message, delay, cancellationToken);

        public async Task CompleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken = default)
        {
            await inner.CompleteAsync(queue, message, cancellationToken);
            if (queue == traffic.Queue)
            {
                traffic.Completed[message.Body] = true;
            }
        }

        public Task DeadLetterAsync(string queue, ReceivedMessage message, string reason, CancellationToken cancellationToken = default) =>
            inner.DeadLetterAsync(queue, message, reason, cancellationToken);
    }
}
