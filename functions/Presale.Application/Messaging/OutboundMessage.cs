namespace Presale.Application.Messaging;

/// <summary>A message to publish to a queue.</summary>
/// <param name="MessageId">Stable id: the broker drops a second message with the same id (duplicate detection).</param>
/// <param name="Body">The JSON body.</param>
/// <param name="CorrelationId">Ties the message to the request or event that caused it.</param>
/// <param name="Subject">A short label of the message kind.</param>
/// <param name="ScheduledEnqueueTime">When set, the message becomes visible only at this instant.</param>
public sealed record OutboundMessage(
    string MessageId,
    string Body,
    string? CorrelationId = null,
    string? Subject = null,
    DateTimeOffset? ScheduledEnqueueTime = null);
