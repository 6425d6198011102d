using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>
/// Publishes integration events to a Service Bus topic with Azure.Messaging.ServiceBus. One <see cref="ServiceBusClient"/>
/// per app, created on the first publish (a cold instance that answers a health probe opens no connection and builds no
/// credential), and one <see cref="ServiceBusSender"/> per topic, cached: both are meant to live as long as the app. The
/// SDK retries a failed send by its <see cref="ServiceBusRetryOptions"/>; what still fails throws, and the caller leaves
/// the event in its outbox.
/// </summary>
public sealed class ServiceBusEventPublisher : IIntegrationEventPublisher, IAsyncDisposable
{
    private readonly Lazy<ServiceBusClient> _client;
    private readonly string _topic;
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    /// <summary>Publishes to <paramref name="topic"/> through the client <paramref name="createClient"/> makes on first use.</summary>
    public ServiceBusEventPublisher(Func<ServiceBusClient> createClient, string topic)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        _client = new Lazy<ServiceBusClient>(createClient, LazyThreadSafetyMode.ExecutionAndPublication);
        _topic = topic;
    }

    /// <summary>True once the client was created (the first publish).</summary>
    public bool ClientCreated => _client.IsValueCreated;

    /// <inheritdoc />
    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = ServiceBusEventMessages.ToMessage(integrationEvent);
        return SenderFor(_topic).SendMessageAsync(message, cancellationToken);
    }

    /// <summary>Closes the senders, then the client (and its connection).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
        }

        _senders.Clear();
        if (_client.IsValueCreated)
        {
            await _client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ServiceBusSender SenderFor(string topic) => _senders.GetOrAdd(topic, static (name, client) => client.Value.CreateSender(name), _client);
}
