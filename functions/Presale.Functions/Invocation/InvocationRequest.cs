using System.Text.Json;
using System.Text.Json.Serialization;

namespace Presale.Functions.Invocation;

/// <summary>The body the Functions host POSTs to <c>/{FunctionName}</c>: trigger and input data, and trigger metadata.</summary>
/// <param name="Data">Binding name → value (trigger and input bindings).</param>
/// <param name="Metadata">Trigger metadata (message id, delivery count, ...) and <c>sys</c>.</param>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] IReadOnlyDictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, JsonElement>? Metadata);
