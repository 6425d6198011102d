using System.Text.Json;
using System.Text.Json.Serialization;

namespace Presale.Functions.Invocation;

/// <summary>The body a custom handler answers an invocation with.</summary>
/// <param name="Outputs">Output binding name → value.</param>
/// <param name="Logs">Log lines written during the invocation; the host adds them to its own log.</param>
/// <param name="ReturnValue">The <c>$return</c> binding value, if any.</param>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, JsonElement> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonElement? ReturnValue);
