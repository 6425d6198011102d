using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Presale.Functions.Apis.OpenApi;

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
}
