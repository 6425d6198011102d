using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Presale.Functions.Standalone;

/// <summary>An invocation request body as the Functions host sends it: <c>{"Data": {...}, "Metadata": {...}}</c>.</summary>
/// <param name="Data">Binding name → value.</param>
/// <param name="Metadata">Trigger metadata and <c>sys</c>.</param>
public sealed record TriggerPayload(
    [property: JsonPropertyName("Data")] JsonObject Data,
    [property: JsonPropertyName("Metadata")] JsonObject Metadata);
