namespace Presale.Application.Messaging;

/// <summary>
/// Receiving side of the local broker (an Azurite storage queue) used by the standalone runner to deliver messages to
/// queue functions the way the Functions host delivers Service Bus messages: peek-lock, complete, abandon, dead-letter.
/// </summary>
public interface IQueueReceiver
{
    /// <summary>Creates the queue (and its <c>-poison</c> companion) if missing.</summary>
    Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="maxMessages"/> (1–32) messages, hidden from others for <paramref name="lockDuration"/>.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>Extends the lock of a message being handled; returns the message with its new pop receipt.</summary>
    Task<ReceivedMessage> RenewLockAsync(string queue, ReceivedMessage message, TimeSpan lockDuration, CancellationToken cancellationToken = default);

    /// <summary>Makes a message visible again at once (or after <paramref name="delay"/>) for another delivery.</summary>
    Task<ReceivedMessage> AbandonAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Deletes a handled message.</summary>
    Task CompleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Moves a message to <c>{queue}-poison</c> with the reason, then deletes it from <paramref name="queue"/>.</summary>
    Task DeadLetterAsync(string queue, ReceivedMessage message, string reason, CancellationToken cancellationToken = default);
}
