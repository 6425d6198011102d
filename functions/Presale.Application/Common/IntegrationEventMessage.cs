using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Presale.Application.Outbox;

namespace Presale.Application.Common;

/// <summary>
/// Outbox messages of integration events (published to the shop's event topic rather than a work queue): the body is
/// the event as camelCase JSON, the subject its type, and the message id a stable id of the change it announces, so a
/// row published twice is one event to a broker with duplicate detection. An id longer than a broker message id may
/// be (128 characters) is replaced by its SHA-256, prefixed with the subject.
/// </summary>
public static class IntegrationEventMessage
{
    /// <summary>The longest message id kept as it is.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The outbox message of event <paramref name="subject"/> about <paramref name="correlationId"/>, for <paramref name="topic"/>.</summary>
    public static OutboxMessage Create(string topic, string subject, string id, string correlationId, object body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        var messageId = id.Length <= MaxMessageIdLength ? id : subject + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return new OutboxMessage(messageId, subject, JsonSerializer.Serialize(body, PresaleJson.Options), correlationId, at, topic);
    }
}
