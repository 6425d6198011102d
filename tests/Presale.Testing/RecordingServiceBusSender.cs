using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace Presale.Testing;

/// <summary>A <see cref="ServiceBusSender"/> test double that records the messages sent, or fails as its client says.</summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private readonly FakeServiceBusClient _client;
    private readonly ConcurrentQueue<ServiceBusMessage> _sent = new();
    private readonly string _entityPath;
    private int _disposed;
    private int _attempts;

    internal RecordingServiceBusSender(string entityPath, FakeServiceBusClient client)
    {
        _entityPath = entityPath;
        _client = client;
    }

    /// <summary>The messages sent, in order.</summary>
    public IReadOnlyList<ServiceBusMessage> Sent => [.. _sent];

    /// <summary>How many sends were tried, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>True once the sender was disposed.</summary>
    public bool Disposed => Volatile.Read(ref _disposed) == 1;

    /// <inheritdoc />
    public override string EntityPath => _entityPath;

    /// <inheritdoc />
    public override async Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Disposed, this);
        Interlocked.Increment(ref _attempts);
        await Task.Yield(); // sends complete asynchronously, as the real sender's do
        if (_client.FailWith is { } error)
        {
            throw error;
        }

        _sent.Enqueue(message);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        return ValueTask.CompletedTask;
    }
}
