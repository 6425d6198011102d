using System.Collections.Concurrent;
using Presale.Application.IntegrationEvents;

namespace Presale.Application.Tests.IntegrationEvents;

/// <summary>An <see cref="IIntegrationEventPublisher"/> that records what it was given, and can be told to fail (a topic outage).</summary>
internal sealed class RecordingEventPublisher : IIntegrationEventPublisher
{
    private readonly ConcurrentQueue<IntegrationEvent> _published = new();

    public bool Fail { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    private int _attempts;

    public IReadOnlyList<IntegrationEvent> Published => [.. _published];

    /// <summary>Forgets what was published and attempted so far.</summary>
    public void Clear()
    {
        _published.Clear();
        Interlocked.Exchange(ref _attempts, 0);
    }

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (Fail)
        {
            throw new IOException("The event topic is unreachable.");
        }

        _published.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}
