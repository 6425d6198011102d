using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>
/// How an <see cref="IntegrationEvent"/> becomes a Service Bus message: <c>MessageId</c> = the event's key (hashed when
/// longer than Service Bus allows), <c>Subject</c> = the event type, <c>ContentType</c> <c>application/json</c>,
/// <c>CorrelationId</c> = the entity the event is about, the routing properties as application properties, and the
/// JSON body as UTF-8. The same event always maps to the same message, so a republished event is a duplicate the
/// topic's duplicate detection drops.
/// </summary>
public static class ServiceBusEventMessages
{
    /// <summary>The longest <c>MessageId</c> (and <c>CorrelationId</c>) Service Bus accepts.</summary>
    public const int MaxIdLength = 128;

    /// <summary>The content type of every event.</summary>
    public const string ContentType = "application/json";

    private const int HashLength = 64;

    /// <summary>The message for <paramref name="integrationEvent"/>.</summary>
    public static ServiceBusMessage ToMessage(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = new ServiceBusMessage(BinaryData.FromString(integrationEvent.Body))
        {
            MessageId = IdFor(integrationEvent.Key),
            Subject = integrationEvent.Type,
            ContentType = ContentType,
            CorrelationId = integrationEvent.CorrelationId is { } correlation ? IdFor(correlation) : null,
        };
        foreach (var (name, value) in integrationEvent.Properties)
        {
            message.ApplicationProperties[name] = value;
        }

        return message;
    }

    /// <summary>
    /// <paramref name="key"/> when it has at most 128 characters; otherwise its first characters (for reading), <c>~</c>
    /// and the lower-case hex SHA-256 of its UTF-8, 128 characters in all. Deterministic, and two different keys give
    /// different ids (short keys are themselves; long keys differ in the hash).
    /// </summary>
    public static string IdFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length <= MaxIdLength)
        {
            return key;
        }

        var keep = MaxIdLength - HashLength - 1;
        if (char.IsHighSurrogate(key[keep - 1]))
        {
            keep--; // never split a surrogate pair: the id must stay valid UTF-16 (and UTF-8 on the wire)
        }

        return string.Concat(key.AsSpan(0, keep), "~", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }
}
