using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace Presale.Testing;

/// <summary>
/// A <see cref="ServiceBusClient"/> test double (the SDK's mocking constructor): it opens no connection, hands out one
/// <see cref="RecordingServiceBusSender"/> per <see cref="CreateSender(string)"/> call, and counts the calls, so a test
/// sees how many senders the code under test created and what each was given.
/// </summary>
public sealed class FakeServiceBusClient : ServiceBusClient
{
    private readonly ConcurrentQueue<RecordingServiceBusSender> _senders = new();
    private int _disposed;

    /// <summary>Every sender created, in order.</summary>
    public IReadOnlyList<RecordingServiceBusSender> Senders => [.. _senders];

    /// <summary>Every message sent through any of the senders.</summary>
    public IReadOnlyList<ServiceBusMessage> Sent => [.. _senders.SelectMany(s => s.Sent)];

    /// <summary>When set, every send of every sender throws it (a topic outage).</summary>
    public Exception? FailWith { get; set; }

    /// <summary>True once the client was disposed.</summary>
    public bool Disposed => Volatile.Read(ref _disposed) == 1;

    /// <inheritdoc />
    public override string FullyQualifiedNamespace => "fake.servicebus.windows.net";

    /// <inheritdoc />
    public override ServiceBusSender CreateSender(string queueOrTopicName)
    {
        var sender = new RecordingServiceBusSender(queueOrTopicName, this);
        _senders.Enqueue(sender);
        return sender;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        return ValueTask.CompletedTask;
    }
}
