using System.Collections.Concurrent;
using Presale.Application.Messaging;

namespace Presale.Application.Tests.Orders;

/// <summary>An <see cref="IMessagePublisher"/> that records what it was given, and can be told to fail.</summary>
internal sealed class RecordingPublisher : IMessagePublisher
{
    private readonly ConcurrentQueue<(string Queue, OutboundMessage Message)> _published = new();

    public bool Fail { get; set; }

    /// <summary>Fails the messages it returns true for (as a broker refusing one message would).</summary>
    public Func<OutboundMessage, bool>? FailWhen { get; set; }

    public IReadOnlyList<(string Queue, OutboundMessage Message)> Published => [.. _published];

    public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (Fail || FailWhen?.Invoke(message) == true)
        {
            throw new IOException("The broker is unreachable.");
        }

        _published.Enqueue((queue, message));
        return Task.CompletedTask;
    }
}
