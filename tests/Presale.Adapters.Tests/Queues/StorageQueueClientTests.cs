using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
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
    public async Task Publish_ThenReceive_HandsTheBodyBack_AndCompleteRemovesIt()
    {
        var queue = NewQueue();
        var body = JsonSerializer.Serialize(new { orderId = "o-1", note = "<&> ünï \u0001" });

        await _client.PublishAsync(queue, new OutboundMessage("m-1", body, "corr-9", "OrderPlaced"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(30), Ct));
        await _client.CompleteAsync(queue, received, Ct);

        Assert.Equal(body, received.Body);
        Assert.Equal(received.QueueMessageId, received.MessageId);
        Assert.Null(received.CorrelationId);
        Assert.Null(received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.Null(received.ExpiresAt);
        Assert.NotNull(received.LockedUntil);
        Assert.Empty(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1), Ct));
    }

    /// <summary>
    /// The Functions Storage Queue trigger base64-decodes a message's text by default (host.json
    /// <c>extensions.queues.messageEncoding</c>) and hands the function the result as its string: the app's message
    /// text must therefore be exactly base64(UTF-8 body), with nothing wrapped around the body.
    /// </summary>
    [Fact]
    public async Task Publish_WritesTheBodyAsBase64OfItsUtf8_WhatTheFunctionsQueueTriggerDecodesByDefault()
    {
        var queue = NewQueue();
        var body = """{"sku":"SKU-1","reason":"eta ünï"}""";
        var raw = new QueueClient(azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await _client.PublishAsync(queue, new OutboundMessage("m-1", body, "corr", "SupplyChanged"), Ct);
        var text = Assert.Single((await raw.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), Ct)).Value).MessageText;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)), text);
        Assert.Equal(body, Encoding.UTF8.GetString(Convert.FromBase64String(text)));
    }

    [Fact]
    public async Task Receive_AMessageAnotherProducerWroteInBase64_HandsItsDecodedTextAsTheBody()
    {
        var queue = NewQueue();
        var raw = new QueueClient(azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateAsync(cancellationToken: Ct);
        await raw.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"raw":1}""")), Ct);

        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        Assert.Equal("""{"raw":1}""", received.Body);
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
        Assert.Equal("{\"n\":1}", second.Body);
        Assert.Equal(first.DeliveryCount + 1, second.DeliveryCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task DeadLetter_MovesTheBodyUnchangedToThePoisonQueue_AsTheFunctionsHostDoes()
    {
        var queue = NewQueue();
        await _client.CreateQueueIfNotExistsAsync(queue, Ct);
        await _client.PublishAsync(queue, new OutboundMessage("m-3", "{\"bad\":true}", "c-3", "Broken"), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));
        var rawPoison = new QueueClient(azurite.ConnectionString, queue + StorageQueueClient.PoisonSuffix, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await _client.DeadLetterAsync(queue, received, "handler failed 5 times", Ct);

        await Assert.ThrowsAsync<RequestFailedException>(() => _client.CompleteAsync(queue, received, Ct));
        Assert.Empty(await _client.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1), Ct));
        var text = Assert.Single((await rawPoison.PeekMessagesAsync(32, Ct)).Value).MessageText;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"bad\":true}")), text);
        var poisoned = Assert.Single(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal("{\"bad\":true}", poisoned.Body);
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
    public async Task DeadLetter_OfAMessageExactlyAtTheSizeLimit_MovesItWhole()
    {
        var queue = NewQueue();
        // 49,152 bytes of UTF-8 are exactly 65,536 characters once base64-encoded: the largest message a queue holds.
        var body = new string('b', 49_152);
        await _client.PublishAsync(queue, new OutboundMessage("m", body), Ct);
        var received = Assert.Single(await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Ct));

        await _client.DeadLetterAsync(queue, received, "MaxDeliveryCountExceeded", Ct);

        var poisoned = Assert.Single(await _client.ReceiveAsync(queue + StorageQueueClient.PoisonSuffix, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal(body, poisoned.Body);
        Assert.Equal(0, await _client.GetApproximateMessageCountAsync(queue, Ct));
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

        await _client.PublishAsync(queue, new OutboundMessage("later", "\"later\"", ScheduledEnqueueTime: now.AddHours(1)), Ct);
        await _client.PublishAsync(queue, new OutboundMessage("now", "\"now\""), Ct);
        var received = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(["\"now\""], received.Select(m => m.Body));
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
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.PublishAsync(NewQueue(), new OutboundMessage("m", new string('x', 49_153)), Ct));

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Contains("'m'", error.Message, StringComparison.Ordinal);
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
