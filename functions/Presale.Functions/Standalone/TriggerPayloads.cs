using System.Globalization;
using System.Text.Json.Nodes;
using Presale.Application.Messaging;
using Presale.Functions.Catalog;

namespace Presale.Functions.Standalone;

/// <summary>Builds invocation payloads in the shapes the Functions host sends for timer and Service Bus triggers.</summary>
public static class TriggerPayloads
{
    /// <summary>The content type Presale's publishers give every message (bodies are JSON).</summary>
    public const string MessageContentType = "application/json";

    /// <summary>
    /// A timer trigger: <c>{"timer": {"Schedule": {"AdjustForDST": true}, "ScheduleStatus": {...} | null, "IsPastDue": b}}</c>
    /// under the trigger's binding name, and <c>Metadata.sys</c>.
    /// </summary>
    public static TriggerPayload Timer(FunctionDefinition function, ScheduleStatus? status, bool isPastDue, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(function);
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status is null ? null : new JsonObject
            {
                ["Last"] = Instant(status.Last),
                ["Next"] = Instant(status.Next),
                ["LastUpdated"] = Instant(status.LastUpdated),
            },
            ["IsPastDue"] = isPastDue,
        };
        return new TriggerPayload(new JsonObject { [function.BindingName] = timer }, new JsonObject { ["sys"] = Sys(function.Name, now) });
    }

    /// <summary>
    /// A Service Bus trigger: the body as a string under the binding name (as the host sends a string message) and the
    /// message's metadata: MessageId, DeliveryCount, EnqueuedTimeUtc, ExpiresAtUtc, CorrelationId, Subject and Label,
    /// ContentType, ApplicationProperties and UserProperties, LockToken, and <c>sys</c>.
    /// </summary>
    public static TriggerPayload ServiceBus(FunctionDefinition function, ReceivedMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
            ["EnqueuedTimeUtc"] = Instant(message.EnqueuedAt),
            ["ExpiresAtUtc"] = message.ExpiresAt is { } expires ? Instant(expires) : null,
            ["CorrelationId"] = message.CorrelationId,
            ["Subject"] = message.Subject,
            ["Label"] = message.Subject,
            ["ContentType"] = MessageContentType,
            ["ApplicationProperties"] = new JsonObject(),
            ["UserProperties"] = new JsonObject(),
            ["LockToken"] = message.PopReceipt,
            ["sys"] = Sys(function.Name, now),
        };
        return new TriggerPayload(new JsonObject { [function.BindingName] = message.Body }, metadata);
    }

    /// <summary><c>Metadata.sys</c>: MethodName, UtcNow and RandGuid.</summary>
    public static JsonObject Sys(string functionName, DateTimeOffset now) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = Instant(now),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    /// <summary>An instant as the host writes it: ISO 8601 in UTC with a Z; <c>0001-01-01T00:00:00</c> for "never".</summary>
    public static string Instant(DateTimeOffset? value) => value is { } v
        ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : DateTime.MinValue.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
