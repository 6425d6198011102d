using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Presale.Application.Outbox;

namespace Presale.Application.Common;

/// <summary>
/// Outbox rows of integration events, written in the same transaction as the change they announce: the body is the
/// event as camelCase JSON, the subject its type, and the message id a stable id of the change, so a row published
/// twice is one event to a broker with duplicate detection. An id longer than a broker message id may be
/// (128 characters) is replaced by its SHA-256, prefixed with the subject. The rows name no queue: they are for the
/// shop's one events topic (<c>Presale:Events:Topic</c>), and only the integration-event publisher may send them —
/// handed to <see cref="OutboxPublisher"/>, a row without a queue would go to the reconcile queue.
/// </summary>
public static class IntegrationEventMessage
{
    /// <summary>The longest message id kept as it is.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The outbox message of event <paramref name="subject"/> about <paramref name="correlationId"/>.</summary>
    public static OutboxMessage Create(string subject, string id, string correlationId, object body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        var messageId = id.Length <= MaxMessageIdLength ? id : subject + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return new OutboxMessage(messageId, subject, JsonSerializer.Serialize(body, PresaleJson.Options), correlationId, at);
    }
}
