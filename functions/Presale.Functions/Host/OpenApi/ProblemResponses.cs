using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Presale.Functions.Host.OpenApi;

/// <summary>Adds a problem answer (<c>application/problem+json</c>) that the host, not the handler, gives to an operation.</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    /// <summary>
    /// The operation's <paramref name="status"/> response with a problem-details body and <paramref name="example"/>
    /// (a problem result or an <see cref="ApiExampleSet"/>);
    /// created when the endpoint does not declare it, completed when it does.
    /// </summary>
    public static async Task<OpenApiResponse> AddAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, object example, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }

        response.Description = description;
        response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        if (!response.Content.TryGetValue(MediaType, out var media))
        {
            media = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken) };
            response.Content[MediaType] = media;
        }

        ApiExamplesTransformer.SetExample(media, example, options);
        return response;
    }

    /// <summary>
    /// Adds <paramref name="example"/> as the named example <paramref name="name"/> of the operation's
    /// <paramref name="status"/> problem answer: the answer is created with <paramref name="description"/> when the
    /// endpoint does not declare it; otherwise its own examples stay (a single one under <paramref name="existingName"/>).
    /// </summary>
    public static async Task JoinAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, string existingName, string name, object example, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var declared) != true || declared!.Content?.TryGetValue(MediaType, out var problem) != true)
        {
            await AddAsync(operation, context, status, description, example, options, cancellationToken);
            return;
        }

        var examples = problem!.Examples is { Count: > 0 } named
            ? new Dictionary<string, IOpenApiExample>(named, StringComparer.Ordinal)
            : new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
        if (problem.Example is { } single)
        {
            examples[existingName] = new OpenApiExample { Summary = existingName, Value = single };
        }

        examples[name] = new OpenApiExample { Summary = name, Value = ApiExamplesTransformer.ToJson(example, options) };
        problem.Example = null;
        problem.Examples = examples;
    }
}
