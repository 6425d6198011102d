using Azure.Messaging.ServiceBus;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>
/// Publishes integration events to a Service Bus topic with Azure.Messaging.ServiceBus. One <see cref="ServiceBusClient"/>
/// per app, created on the first publish (a cold instance that answers a health probe opens no connection and builds no
/// credential), and one <see cref="ServiceBusSender"/> for the topic, cached: both live as long as the app. The SDK
/// retries a failed send by its <see cref="ServiceBusRetryOptions"/>; what still fails throws, and the caller leaves the
/// event in its outbox.
/// </summary>
/// <remarks>
/// After a send failed, publishes fail at once for the break duration, naming that failure, instead of each waiting
/// through the SDK's attempts again: during an outage of the topic only one publish per break pays that wait, so the
/// requests that publish right after their commit (checkout among them) stay fast, and their events wait in the
/// outboxes for the sweepers. The first publish after the break tries the topic again.
/// </remarks>
public sealed class ServiceBusEventPublisher : IIntegrationEventPublisher, IAsyncDisposable
{
    private readonly Lazy<ServiceBusClient> _client;
    private readonly Lazy<ServiceBusSender> _sender;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTimeOffset Until, Exception Cause)? _break;

    /// <summary>
    /// Publishes to <paramref name="topic"/> through the client <paramref name="createClient"/> makes on first use; after a
    /// failed send, publishes fail at once for <paramref name="breakDuration"/> by <paramref name="time"/>.
    /// </summary>
    public ServiceBusEventPublisher(Func<ServiceBusClient> createClient, string topic, TimeSpan breakDuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(breakDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _client = new Lazy<ServiceBusClient>(createClient, LazyThreadSafetyMode.ExecutionAndPublication);
        _sender = new Lazy<ServiceBusSender>(() => _client.Value.CreateSender(topic), LazyThreadSafetyMode.ExecutionAndPublication);
        _breakDuration = breakDuration;
        _time = time;
    }

    /// <summary>True once the client was created (the first publish).</summary>
    public bool ClientCreated => _client.IsValueCreated;

    /// <inheritdoc />
    /// <exception cref="ServiceBusException">The send failed, or a send failed less than the break duration ago (the inner exception).</exception>
    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = ServiceBusEventMessages.ToMessage(integrationEvent);
        lock (_gate)
        {
            if (_break is { } open && _time.GetUtcNow() < open.Until)
            {
                throw new ServiceBusException(
                    $"Event {integrationEvent.Key} was not sent: a send to the topic failed, and sends resume at {open.Until:O}.",
                    ServiceBusFailureReason.ServiceCommunicationProblem,
                    _sender.Value.EntityPath,
                    open.Cause);
            }
        }

        try
        {
            await _sender.Value.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _break = (_time.GetUtcNow() + _breakDuration, error);
            }

            throw;
        }

        lock (_gate)
        {
            _break = null;
        }
    }

    /// <summary>Closes the sender, then the client (and its connection).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_sender.IsValueCreated)
        {
            await _sender.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (_client.IsValueCreated)
        {
            await _client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
