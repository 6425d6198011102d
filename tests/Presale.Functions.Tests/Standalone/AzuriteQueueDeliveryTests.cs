using Microsoft.Extensions.DependencyInjection;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Standalone;

/// <summary>
/// Standalone queue delivery end to end on Azurite: the real app, a queue function declared only by its
/// functions.metadata entry, a message published through the app's own <see cref="IMessagePublisher"/>, the pump
/// reading the storage queue and invoking the function's method with the message and its dequeue count. Unique queue names per test; polling with a deadline.
/// </summary>
public sealed class AzuriteQueueDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly StorageQueueClient _queues = new(StorageAccount.FromConnectionString(azurite.ConnectionString));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishedMessage_ReachesTheDeclaredQueueFunction_WithItsDequeueCount_AndIsRemovedFromTheQueue()
    {
        var queue = AzuriteFixture.UniqueName("deliver");
        var function = new RecordingFunction("OnOrderEvent");
        await using var app = App(queue, function, maxDeliveryCount: 5);
        var publisher = app.Services.GetRequiredService<IMessagePublisher>();

        await publisher.PublishAsync(queue, new OutboundMessage("msg-1", """{"orderId":"o-1"}""", "corr-1", "OrderPlaced"), Ct);
        var invocation = await function.NextAsync();

        Assert.IsType<NotificationEventRelay>(publisher); // the app's publisher: storage queues (waking standalone delivery), notifications' events relayed when on
        Assert.Equal("""{"orderId":"o-1"}""", invocation.Message);
        Assert.Equal(1, invocation.DequeueCount);
        await EventuallyAsync(async () => await _queues.GetApproximateMessageCountAsync(queue, Ct) == 0, "the completed message leaves the queue");
        Assert.Equal(0, await _queues.GetApproximateMessageCountAsync(queue + StorageQueueClient.PoisonSuffix, Ct));
        Assert.False(function.HasPending);
    }

    [Fact]
    public async Task HandlerThatAlwaysFails_IsRetriedUpToMaxDeliveryCount_ThenTheMessageSitsInThePoisonQueue()
    {
        var queue = AzuriteFixture.UniqueName("failing");
        var function = new RecordingFunction("AlwaysFails", (_, _) => throw new InvalidOperationException("refuses every message"));
        await using var app = App(queue, function, maxDeliveryCount: 3);
        var publisher = app.Services.GetRequiredService<IMessagePublisher>();

        await publisher.PublishAsync(queue, new OutboundMessage("msg-bad", """{"orderId":"o-9"}""", "corr-9", "OrderPlaced"), Ct);
        long[] deliveries = [(await function.NextAsync()).DequeueCount, (await function.NextAsync()).DequeueCount, (await function.NextAsync()).DequeueCount];
        var poison = queue + StorageQueueClient.PoisonSuffix;
        await EventuallyAsync(async () => await _queues.GetApproximateMessageCountAsync(poison, Ct) == 1, "the message reaches the poison queue");

        // Copied to the poison queue first, deleted from its own queue second.
        await EventuallyAsync(async () => await _queues.GetApproximateMessageCountAsync(queue, Ct) == 0, "the dead-lettered message leaves its queue");
        Assert.Equal([1L, 2L, 3L], deliveries);
        Assert.False(function.HasPending);
        // The poison copy is the message as published, as the Functions host moves it; the reason is in the log.
        var poisoned = Assert.Single(await _queues.ReceiveAsync(poison, 32, TimeSpan.FromMinutes(5), Ct));
        Assert.Equal("""{"orderId":"o-9"}""", poisoned.Body);
    }

    private PresaleApp App(string queue, RecordingFunction function, int maxDeliveryCount) =>
        new PresaleApp(TestDefinitions.Only(function.QueueEntry(queue)))
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:StandaloneTriggers", "true")
            .With("Presale:QueuePump:MaxDeliveryCount", maxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Presale:QueuePump:AbandonDelay", "00:00:00")
            .With("Presale:QueuePump:MinIdleDelay", "00:00:00.100")
            .With("Presale:QueuePump:MaxIdleDelay", "00:00:00.250")
            .WithServices(function.Register);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Timed out waiting until {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }
}
