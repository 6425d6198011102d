using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Presale.Adapters.Queues;

/// <summary>
/// What a storage queue message carries: a storage queue has no broker properties, so the publisher's message id,
/// correlation id and subject travel in a small JSON envelope with the body, and the envelope travels base64-encoded
/// in <c>MessageText</c> (the encoding the Functions queue trigger expects by default, and safe for any character XML
/// would reject). Dead-lettered copies add the reason, the queue they came from and the deliveries made before.
/// </summary>
internal sealed record QueueEnvelope(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("correlationId")] string? CorrelationId,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("deadLetterReason")] string? DeadLetterReason = null,
    [property: JsonPropertyName("deadLetterSource")] string? DeadLetterSource = null,
    [property: JsonPropertyName("deadLetterDeliveryCount")] long? DeadLetterDeliveryCount = null)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>Decodes a message text; text that is not an envelope (put by another writer) becomes the body as is.</summary>
    public static QueueEnvelope Decode(string messageText, string queueMessageId)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(messageText));
        }
        catch (FormatException)
        {
            // Not base64: a plain-text message written by another producer.
            return new QueueEnvelope(queueMessageId, messageText, null, null);
        }

        if (text.StartsWith('{'))
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<QueueEnvelope>(text, Json);
                if (envelope is { MessageId: not null, Body: not null })
                {
                    return envelope;
                }
            }
            catch (JsonException)
            {
                // A JSON message that is not an envelope: its text is the body.
            }
        }

        return new QueueEnvelope(queueMessageId, text, null, null);
    }
}
