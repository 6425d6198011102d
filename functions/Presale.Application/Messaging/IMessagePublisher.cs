namespace Presale.Application.Messaging;

/// <summary>
/// The message port: publishes to a named queue (Service Bus in production, an Azurite storage queue locally).
/// A publish that throws may or may not have been delivered: callers retry with the same
/// <see cref="OutboundMessage.MessageId"/> and consumers tolerate duplicates.
/// </summary>
public interface IMessagePublisher
{
    /// <summary>Publishes one message to <paramref name="queue"/>.</summary>
    Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default);
}
