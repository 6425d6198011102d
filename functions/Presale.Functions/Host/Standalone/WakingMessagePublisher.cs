using Presale.Application.Messaging;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Publishes through the app's <see cref="IMessagePublisher"/>, then wakes standalone delivery of that queue
/// (<see cref="QueueWake"/>) when the message is visible at once. A scheduled message is left to the poller.
/// </summary>
public sealed class WakingMessagePublisher(IMessagePublisher inner, QueueWake wake, TimeProvider time) : IMessagePublisher
{
    /// <inheritdoc />
    public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await inner.PublishAsync(queue, message, cancellationToken).ConfigureAwait(false);
        if (message.ScheduledEnqueueTime is not { } at || at <= time.GetUtcNow())
        {
            wake.Notify(queue);
        }
    }
}
