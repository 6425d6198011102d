namespace Presale.Application.Messaging;

/// <summary>A message taken from a queue under a lock (its visibility timeout), to be completed, renewed or dead-lettered.</summary>
/// <param name="QueueMessageId">The queue's own id of this message (used with <paramref name="PopReceipt"/> to delete or renew it).</param>
/// <param name="PopReceipt">The lock token of this delivery.</param>
/// <param name="DeliveryCount">How many times the message has been handed out, this delivery included.</param>
/// <param name="EnqueuedAt">When the message was enqueued.</param>
/// <param name="ExpiresAt">When the queue drops the message, if it does.</param>
/// <param name="MessageId">The publisher's message id (<see cref="OutboundMessage.MessageId"/>).</param>
/// <param name="Body">The publisher's body.</param>
/// <param name="CorrelationId">The publisher's correlation id.</param>
/// <param name="Subject">The publisher's subject.</param>
public sealed record ReceivedMessage(
    string QueueMessageId,
    string PopReceipt,
    long DeliveryCount,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? ExpiresAt,
    string MessageId,
    string Body,
    string? CorrelationId,
    string? Subject)
{
    /// <summary>When this delivery's lock (visibility timeout) runs out, when the broker reports it; renew before then.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Why the message was dead-lettered, when it was read from a dead-letter (<c>-poison</c>) queue; else null.</summary>
    public string? DeadLetterReason { get; init; }

    /// <summary>The queue the message was dead-lettered from, when it was read from a dead-letter queue; else null.</summary>
    public string? DeadLetterSource { get; init; }

    /// <summary>How many times the message had been delivered when it was dead-lettered; null for a message not dead-lettered.</summary>
    public long? DeadLetterDeliveryCount { get; init; }
}
