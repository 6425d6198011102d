using System.Text.Json;
using Azure;
using Presale.Adapters.Diagnostics;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;
using Presale.Testing;

namespace Presale.Adapters.Tests.Queues;

/// <summary>The storage queue publisher and receiver against real Azurite.</summary>
public sealed class StorageQueueClientTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly StorageQueueClient _client = new(StorageAccount.FromConnectionString(azurite.ConnectionString));

    private static string NewQueue() => "q" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task Publish_ThenReceive_CarriesIdsSubjectAndBody_AndCompleteRemovesIt()
    {
        var queue = NewQueue();
        var body = JsonSerializer.Serialize(new { orderId = "o-1", note = "<&> ünï \u0001" });

        await _client.PublishAsync(queue, new OutboundMessage("m-1", body, "corr-9", "OrderPlaced"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(30), Ct));
        await _client.CompleteAsync(queue, received, Ct);

        Assert.Equal("m-1", received.MessageId);
        Assert.Equal(body, received.Body);
        Assert.Equal("corr-9", received.CorrelationId);
        Assert.Equal("OrderPlaced", received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.Null(received.ExpiresAt);
        Assert.NotNull(received.LockedUntil);
        Assert.Empty(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task Receive_WhileLocked_DoesNotHandTheMessageOutTwice()
    {
        var queue = NewQueue();
        await _client.PublishAsync(queue, new OutboundMessage("m", "{}"), Ct);

        var first = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(5), Ct);
        var second = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(5), Ct);

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Abandon_MakesTheMessageVisibleAgain_WithDeliveryCountPlusOne()
    {
        var queue = NewQueue();
        await _client.PublishAsync(queue, new OutboundMessage("m-2", "{\"n\":1}"), Ct);
        var first = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        await _client.AbandonAsync(queue, first, TimeSpan.Zero, Ct);
        var second = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(first.QueueMessageId, second.QueueMessageId);
        Assert.Equal("m-2", second.MessageId);
        Assert.Equal(first.DeliveryCount + 1, second.DeliveryCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task DeadLetter_MovesTheMessageToThePoisonQueueWithTheReason()
    {
        var queue = NewQueue();
        await _client.CreateQueueIfNotExistsAsync(queue, Ct);
        await _client.PublishAsync(queue, new OutboundMessage("m-3", "{\"bad\":true}", "c-3", "Broken"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        await _client.DeadLetterAsync(queue, received, "handler failed 5 times", Ct);

        await Assert.ThrowsAsync<RequestFailedException>(() => _client.CompleteAsync(queue, received, Ct));
        Assert.Empty(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1), Ct));
        var poisoned = Assert.Single(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal("m-3", poisoned.MessageId);
        Assert.Equal("{\"bad\":true}", poisoned.Body);
        Assert.Equal("c-3", poisoned.CorrelationId);
        Assert.Equal("Broken", poisoned.Subject);
        Assert.Equal("handler failed 5 times", poisoned.DeadLetterReason);
        Assert.Equal(queue, poisoned.DeadLetterSource);
        Assert.Equal(received.DeliveryCount, poisoned.DeadLetterDeliveryCount);
        Assert.Null(received.DeadLetterReason);
    }

    [Fact]
    public async Task ApproximateMessageCount_CountsLockedAndScheduledMessages_AndReachesZeroOnlyWhenCompleted()
    {
        var queue = NewQueue();
        await _client.CreateQueueIfNotExistsAsync(queue, Ct);
        var empty = await _client.GetApproximateMessageCountAsync(queue, Ct);
        await _client.PublishAsync(queue, new OutboundMessage("now", "{}"), Ct);
        await _client.PublishAsync(queue, new OutboundMessage("later", "{}", ScheduledEnqueueTime: TimeProvider.System.GetUtcNow().AddHours(1)), Ct);
        var locked = Assert.Single(await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(5), Ct));

        var whileLocked = await _client.GetApproximateMessageCountAsync(queue, Ct);
        await _client.CompleteAsync(queue, locked, Ct);
        var afterComplete = await _client.GetApproximateMessageCountAsync(queue, Ct);

        Assert.Equal(0, empty);
        Assert.Equal(2, whileLocked);
        Assert.Equal(1, afterComplete);
    }

    [Fact]
    public async Task DeadLetter_OfAMessageNearTheSizeLimit_ShortensTheReasonAndStillMovesIt()
    {
        var queue = NewQueue();
        var body = new string('b', 47_000);
        var reason = "MaxDeliveryCountExceeded: " + new string('r', 10_000);
        await _client.PublishAsync(queue, new OutboundMessage("big", body, "c-big"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        await _client.DeadLetterAsync(queue, received, reason, Ct);

        var poisoned = Assert.Single(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal("big", poisoned.MessageId);
        Assert.Equal(body, poisoned.Body);
        Assert.Equal("c-big", poisoned.CorrelationId);
        Assert.Equal(queue, poisoned.DeadLetterSource);
        Assert.Equal(1, poisoned.DeadLetterDeliveryCount);
        Assert.EndsWith("…", poisoned.DeadLetterReason, StringComparison.Ordinal);
        Assert.StartsWith(poisoned.DeadLetterReason![..^1], reason, StringComparison.Ordinal);
        Assert.True(poisoned.DeadLetterReason.Length > 1_000, $"the reason was cut to {poisoned.DeadLetterReason.Length} characters");
        Assert.Equal(0, await _client.GetApproximateMessageCountAsync(queue, Ct));
    }

    [Fact]
    public async Task DeadLetter_OfAMessageExactlyAtTheSizeLimit_KeepsItAsPublished()
    {
        var queue = NewQueue();
        // {"messageId":"m","body":"…"} with 49,125 body characters is 49,152 bytes: exactly 65,536 once base64-encoded.
        var body = new string('b', 49_125);
        await _client.PublishAsync(queue, new OutboundMessage("m", body), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        await _client.DeadLetterAsync(queue, received, "MaxDeliveryCountExceeded", Ct);

        var poisoned = Assert.Single(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal("m", poisoned.MessageId);
        Assert.Equal(body, poisoned.Body);
        Assert.Null(poisoned.DeadLetterReason);
        Assert.Equal(0, await _client.GetApproximateMessageCountAsync(queue, Ct));
    }

    [Fact]
    public void DeadLetterText_OfAForeignMessageTooBigForAnEnvelope_FallsBackToItsOwnText_AndRefusesOnlyWhatNoQueueHolds()
    {
        static ReceivedMessage Foreign(string text) => new("queue-id", "pop", 3, DateTimeOffset.UnixEpoch, null, "queue-id", text, null, null);
        var raw = new string('x', 60_000);
        var base64Fits = new string('y', 49_152); // Base64 of it is exactly 65,536; its envelope is not.

        Assert.Equal(raw, StorageQueueClient.DeadLetterText("orders", Foreign(raw), "failed"));
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(base64Fits)), StorageQueueClient.DeadLetterText("orders", Foreign(base64Fits), "failed"));
        Assert.Throws<ArgumentException>(() => StorageQueueClient.DeadLetterText("orders", Foreign(new string('z', 70_000)), "failed"));
    }

    [Fact]
    public async Task Publish_ScheduledMoreThanSevenDaysAhead_IsRefusedBeforeAnyRequest()
    {
        var counter = new StorageTransactionCounter();
        var options = new StorageClientOptions();
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(counter));
        var client = new StorageQueueClient(StorageAccount.FromConnectionString(azurite.ConnectionString), options);
        var queue = NewQueue();
        var now = TimeProvider.System.GetUtcNow();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PublishAsync(queue, new OutboundMessage("far", "{}", ScheduledEnqueueTime: now.AddDays(8)), Ct));
        var refusedRequests = counter.Count;
        await client.PublishAsync(queue, new OutboundMessage("near", "{}", ScheduledEnqueueTime: now.AddDays(6)), Ct);

        Assert.Contains("at most 7 days", error.Message, StringComparison.Ordinal);
        Assert.Contains("'far'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, refusedRequests);
        Assert.Equal(1, await client.GetApproximateMessageCountAsync(queue, Ct));
    }

    [Fact]
    public async Task RenewLock_ExtendsTheLock_AndOnlyTheNewPopReceiptIsValid()
    {
        var queue = NewQueue();
        await _client.PublishAsync(queue, new OutboundMessage("m-4", "{}"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(10), Ct));

        var renewed = await _client.RenewLockAsync(queue, received, TimeSpan.FromMinutes(10), Ct);

        Assert.NotEqual(received.PopReceipt, renewed.PopReceipt);
        Assert.True(renewed.LockedUntil > received.LockedUntil!.Value.AddMinutes(9), $"{renewed.LockedUntil} vs {received.LockedUntil}");
        await Assert.ThrowsAsync<RequestFailedException>(() => _client.CompleteAsync(queue, received, Ct));
        await _client.CompleteAsync(queue, renewed, Ct);
        Assert.Empty(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task Publish_Scheduled_StaysInvisibleUntilItsTime()
    {
        var queue = NewQueue();
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

        await _client.PublishAsync(queue, new OutboundMessage("later", "{}", ScheduledEnqueueTime: now.AddHours(1)), Ct);
        await _client.PublishAsync(queue, new OutboundMessage("now", "{}"), Ct);
        var received = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(["now"], received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task CreateQueue_IsIdempotentAndCreatesThePoisonCompanion()
    {
        var queue = NewQueue();

        await _client.CreateQueueIfNotExistsAsync(queue, Ct);
        await _client.CreateQueueIfNotExistsAsync(queue, Ct);

        Assert.Empty(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 1, TimeSpan.FromSeconds(1), Ct));
    }

    [Theory]
    [InlineData("eyJyYXciOjF9", "{\"raw\":1}")]
    [InlineData("not base64 at all!", "not base64 at all!")]
    public void Decode_AMessageFromAnotherProducer_UsesItsTextAsTheBodyAndTheQueueIdAsMessageId(string messageText, string body)
    {
        var decoded = QueueEnvelope.Decode(messageText, "queue-id");

        Assert.Equal("queue-id", decoded.MessageId);
        Assert.Equal(body, decoded.Body);
        Assert.Null(decoded.DeadLetterReason);
    }

    [Fact]
    public void Envelope_OfADeadLetteredMessage_CarriesTheReasonAndSource()
    {
        var text = new QueueEnvelope("m", "{}", null, null, "too many deliveries", "orders").Encode();

        Assert.Equal("too many deliveries", StorageQueueClient.DeadLetterReasonOf(text));
        Assert.Equal("orders", QueueEnvelope.Decode(text, "id").DeadLetterSource);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public async Task InvalidQueueNames_AreRejectedBeforeAnyRequest(string queue)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.PublishAsync(queue, new OutboundMessage("m", "{}"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task Publish_TooLarge_IsRejectedWithTheLimit()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.PublishAsync(NewQueue(), new OutboundMessage("m", new string('x', 60_000)), Ct));

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_AnswersWhenTheServiceIsUp_AndThrowsWhenItIsNot()
    {
        await _client.ProbeAsync(Ct);

        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0;
        var down = new StorageQueueClient(StorageAccount.FromConnectionString($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.DevelopmentAccountKey};QueueEndpoint=http://127.0.0.1:1/devstoreaccount1"), options);
        await Assert.ThrowsAsync<RequestFailedException>(() => down.ProbeAsync(Ct));
    }
}
