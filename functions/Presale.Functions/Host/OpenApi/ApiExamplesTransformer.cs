using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// Puts each operation's examples from <see cref="ApiExampleCatalog"/> (looked up by operation id, the endpoint's
/// <c>WithName</c>) into its request body and responses, serialised with the app's own JSON options so they read
/// exactly like real answers.
/// </summary>
internal sealed class ApiExamplesTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private const string TraceId = "traceId";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && ApiExampleCatalog.ByOperationId.TryGetValue(id, out var examples))
        {
            Apply(operation, examples, json.Value.SerializerOptions);
        }

        return Task.CompletedTask;
    }

    /// <summary>Sets the request example and the example of every response <paramref name="examples"/> has one for.</summary>
    public static void Apply(OpenApiOperation operation, ApiExamples examples, JsonSerializerOptions options)
    {
        if (examples.Request is { } request && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = ToJson(request, options);
            }
        }

        foreach (var (status, body) in examples.Responses)
        {
            if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response.Content is { } media)
            {
                foreach (var type in media.Values)
                {
                    SetExample(type, body, options);
                }
            }
        }
    }

    /// <summary>Sets <paramref name="body"/> as the example of <paramref name="media"/>, or its named examples for an <see cref="ApiExampleSet"/>.</summary>
    public static void SetExample(OpenApiMediaType media, object body, JsonSerializerOptions options)
    {
        if (body is ApiExampleSet set)
        {
            media.Example = null;
            media.Examples = set.Examples.ToDictionary(
                e => e.Key,
                e => (IOpenApiExample)new OpenApiExample { Summary = e.Key, Value = ToJson(e.Value, options) },
                StringComparer.Ordinal);
        }
        else
        {
            media.Examples = null;
            media.Example = ToJson(body, options);
        }
    }

    /// <summary>
    /// An example as JSON: a ready node, a result's value, or the object itself. Problem details get the
    /// <c>traceId</c> every real problem answer carries.
    /// </summary>
    public static JsonNode? ToJson(object example, JsonSerializerOptions options)
    {
        var value = example is IValueHttpResult { Value: { } inner } ? inner : example;
        var node = value is JsonNode ready ? ready.DeepClone() : JsonSerializer.SerializeToNode(value, value.GetType(), options);
        if (value is ProblemDetails && node is JsonObject problem && !problem.ContainsKey(TraceId))
        {
            problem[TraceId] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        }

        return node;
    }
}
