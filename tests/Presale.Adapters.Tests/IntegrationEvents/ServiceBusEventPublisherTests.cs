using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.IntegrationEvents;
using Presale.Application.IntegrationEvents;
using Presale.Testing;

namespace Presale.Adapters.Tests.IntegrationEvents;

public sealed class ServiceBusEventPublisherTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyParallelPublishes_CreateOneClientAndOneSender_AndSendEveryEventToTheTopic()
    {
        var client = new FakeServiceBusClient();
        var created = 0;
        await using var publisher = new ServiceBusEventPublisher(() => { Interlocked.Increment(ref created); return client; }, "events", Break, new FakeTimeProvider());
        var events = Enumerable.Range(0, 200).Select(i => EventSamples.Of(IntegrationEventTypes.All[i % IntegrationEventTypes.All.Count]) with { Key = $"key-{i}" }).ToList();

        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, (e, token) => new ValueTask(publisher.PublishAsync(e, token)));

        Assert.Equal(1, created);
        var sender = Assert.Single(client.Senders);
        Assert.Equal("events", sender.EntityPath);
        Assert.Equal(events.Select(e => e.Key).Order(StringComparer.Ordinal), sender.Sent.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BeforeTheFirstPublish_NoClientIsCreated()
    {
        var created = false;
        await using var publisher = new ServiceBusEventPublisher(() => { created = true; return new FakeServiceBusClient(); }, "events", Break, new FakeTimeProvider());

        Assert.False(publisher.ClientCreated);
        Assert.False(created);

        await publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderConfirmed), Ct);

        Assert.True(publisher.ClientCreated);
    }

    [Fact]
    public async Task Publish_WhenTheSendFails_Throws_SoTheOutboxKeepsTheEvent()
    {
        var time = new FakeTimeProvider();
        var client = new FakeServiceBusClient { FailWith = new ServiceBusException("The namespace is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem) };
        await using var publisher = new ServiceBusEventPublisher(() => client, "events", Break, time);

        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderDelayed), Ct));

        client.FailWith = null;
        time.Advance(Break);
        await publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderDelayed), Ct);
        Assert.Single(client.Sent);
        Assert.Single(client.Senders); // the cached sender is used again after a failed send
    }

    [Fact]
    public async Task AfterAFailedSend_PublishesFailAtOnceWithoutTryingTheTopic_UntilTheBreakHasPassed()
    {
        var time = new FakeTimeProvider();
        var outage = new ServiceBusException("The namespace is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem);
        var client = new FakeServiceBusClient { FailWith = outage };
        await using var publisher = new ServiceBusEventPublisher(() => client, "events", Break, time);
        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderConfirmed), Ct));
        var sender = Assert.Single(client.Senders);
        client.FailWith = null; // the topic is back, but the publisher does not know yet

        time.Advance(Break - TimeSpan.FromSeconds(1));
        var paused = await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderDelayed), Ct));

        Assert.Same(outage, paused.InnerException);
        Assert.Equal(1, sender.Attempts);
        time.Advance(TimeSpan.FromSeconds(1));
        await publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderDelayed), Ct);
        Assert.Equal(2, sender.Attempts);
        Assert.Equal("order.delayed", Assert.Single(client.Sent).Subject);
    }

    [Fact]
    public async Task Dispose_ClosesTheSenderAndTheClient()
    {
        var client = new FakeServiceBusClient();
        var publisher = new ServiceBusEventPublisher(() => client, "events", Break, new FakeTimeProvider());
        await publisher.PublishAsync(EventSamples.Of(IntegrationEventTypes.OrderConfirmed), Ct);

        await publisher.DisposeAsync();

        Assert.True(Assert.Single(client.Senders).Disposed);
        Assert.True(client.Disposed);
    }
}
