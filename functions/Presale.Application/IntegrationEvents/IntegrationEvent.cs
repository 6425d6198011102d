using System.Text.Json;
using System.Text.Json.Nodes;
using Presale.Application.Common;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// One integration event: what happened (<see cref="Type"/>), its de-duplication key, the routing properties, and the
/// JSON body a consumer reads — the envelope <c>{"id","type","version","occurredAt","data"}</c> with the type's data
/// (schemas in <c>docs/events/</c>). Created with <see cref="Create{TData}"/>; stored in an outbox row with
/// <see cref="ToStored"/> and read back with <see cref="FromStored"/>, so a republished event is byte for byte the one
/// first written.
/// </summary>
public sealed record IntegrationEvent
{
    /// <summary>The version of every type's body schema today (<c>version</c> in the body and the properties).</summary>
    public const int SchemaVersion = 1;

    /// <summary>The event type, e.g. <c>order.delayed</c> (<see cref="IntegrationEventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// The de-duplication key: the same fact always yields the same key, different facts different keys. The body's
    /// <c>id</c>; the broker's message id (hashed by the adapter when the broker limits its length).
    /// </summary>
    public required string Key { get; init; }

    /// <summary>When the state change the event announces was committed.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The entity the event is about (the order, return or lot), for tracing.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Routing properties (<see cref="IntegrationEventProperties"/>): string, bool, int or long values only.</summary>
    public required IReadOnlyDictionary<string, object> Properties { get; init; }

    /// <summary>The JSON body (UTF-8 when sent).</summary>
    public required string Body { get; init; }

    /// <summary>
    /// An event of <paramref name="type"/> with <paramref name="data"/> serialized in Presale's JSON dialect (camelCase,
    /// enums as camelCase strings, dates <c>yyyy-MM-dd</c>, nulls omitted). <see cref="IntegrationEventProperties.Version"/>
    /// is added to <paramref name="properties"/>.
    /// </summary>
    public static IntegrationEvent Create<TData>(string type, string key, DateTimeOffset occurredAt, string? correlationId, TData data, IReadOnlyDictionary<string, object> properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(properties);
        var routing = new Dictionary<string, object>(properties, StringComparer.Ordinal) { [IntegrationEventProperties.Version] = SchemaVersion };
        foreach (var (name, value) in routing)
        {
            if (value is not (string or bool or int or long))
            {
                throw new ArgumentException($"Property '{name}' of a {type} event is a {value?.GetType().Name ?? "null"}; only string, bool, int and long route.", nameof(properties));
            }
        }

        var utc = occurredAt.ToUniversalTime();
        var body = new JsonObject
        {
            ["id"] = key,
            ["type"] = type,
            ["version"] = SchemaVersion,
            ["occurredAt"] = utc,
            ["data"] = JsonSerializer.SerializeToNode(data, PresaleJson.Options),
        };
        return new IntegrationEvent
        {
            Type = type,
            Key = key,
            OccurredAt = utc,
            CorrelationId = correlationId,
            Properties = routing,
            Body = body.ToJsonString(PresaleJson.Options),
        };
    }

    /// <summary>The event as one JSON document for an outbox row.</summary>
    public string ToStored()
    {
        var properties = new JsonObject();
        foreach (var (name, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            properties[name] = value switch
            {
                string text => JsonValue.Create(text),
                bool flag => JsonValue.Create(flag),
                int number => JsonValue.Create(number),
                long number => JsonValue.Create(number),
                _ => throw new InvalidOperationException($"Property '{name}' has a type that does not route."),
            };
        }

        return new JsonObject
        {
            ["type"] = Type,
            ["key"] = Key,
            ["occurredAt"] = OccurredAt,
            ["correlationId"] = CorrelationId,
            ["properties"] = properties,
            ["body"] = Body,
        }.ToJsonString(StoredOptions);
    }

    /// <summary>
    /// The stored form escapes only what JSON requires: the body is JSON inside a JSON string, and the default encoder's
    /// <c>\u0022</c> for each of its quotes would make a large event (a purchase order of 100 lines) outgrow the 64 KiB an
    /// outbox row's property holds. The stored form is read back by <see cref="FromStored"/> only, never put into HTML.
    /// </summary>
    private static readonly JsonSerializerOptions StoredOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads an event written by <see cref="ToStored"/>.</summary>
    /// <exception cref="FormatException">The text is not a stored event.</exception>
    public static IntegrationEvent FromStored(string stored)
    {
        try
        {
            var root = JsonNode.Parse(stored) as JsonObject ?? throw new FormatException("A stored integration event is a JSON object.");
            var properties = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, node) in root["properties"] as JsonObject ?? throw new FormatException("A stored integration event has properties."))
            {
                properties[name] = node?.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when node.AsValue().TryGetValue<int>(out var small) => small,
                    JsonValueKind.Number => node.GetValue<long>(),
                    _ => throw new FormatException($"Stored property '{name}' is not a string, bool or whole number."),
                };
            }

            return new IntegrationEvent
            {
                Type = Required(root, "type"),
                Key = Required(root, "key"),
                OccurredAt = root["occurredAt"]?.GetValue<DateTimeOffset>() ?? throw new FormatException("A stored integration event has occurredAt."),
                CorrelationId = root["correlationId"]?.GetValue<string>(),
                Properties = properties,
                Body = Required(root, "body"),
            };
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            throw new FormatException($"Not a stored integration event: {error.Message}", error);
        }
    }

    private static string Required(JsonObject root, string name) =>
        root[name]?.GetValue<string>() is { Length: > 0 } value ? value : throw new FormatException($"A stored integration event has '{name}'.");
}
