namespace Presale.Application.Outbox;

/// <summary>
/// A message written in the same transaction as the state it announces, published afterwards with a stable
/// <paramref name="MessageId"/> (the broker's duplicate detection and idempotent consumers absorb republishing).
/// </summary>
/// <param name="MessageId">Stable id, e.g. <c>{orderId}-confirmed</c>.</param>
/// <param name="Subject">A short label of the message kind.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="CorrelationId">The entity the message is about.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Queue">The queue it is published to; null for the reconcile queue (<c>Presale:Orders:ReconcileQueue</c>).</param>
public sealed record OutboxMessage(string MessageId, string Subject, string Body, string? CorrelationId, DateTimeOffset CreatedAt, string? Queue = null);
