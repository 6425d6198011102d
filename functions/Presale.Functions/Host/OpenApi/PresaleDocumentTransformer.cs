using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// The document as a whole: its title and description, and the host's own two routes, <c>GET /api/health</c> and
/// <c>GET /api/openapi/v1.json</c>. Their functions are left out of the endpoint descriptions the other operations
/// come from (<c>[ExcludeFromDescription]</c>): neither reads a JSON body or touches storage within a request's budget,
/// so the operation transformers' answers (key, strict body, 503 storage-unavailable) do not apply; they are described
/// here instead.
/// </summary>
internal sealed class PresaleDocumentTransformer(IOptions<JsonOptions> json) : IOpenApiDocumentTransformer
{
    /// <summary>The health route (mapped by <c>PresaleHostExtensions.UsePresaleHost</c>).</summary>
    public const string HealthPath = "/api/health";

    /// <summary>The operation id of <c>GET /api/health</c> (its function is <c>Health</c>).</summary>
    public const string HealthOperationId = "Health";

    /// <summary>The route of this document under <c>/api</c>, in both modes.</summary>
    public const string DocumentPath = "/api/openapi/v1.json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Presale",
            Version = "v1",
            Description = "Pre-sale ordering that never oversells, supplier lots and signed supplier webhooks, delay consent, customer notifications, " +
                "delay compensation and returns. Every error is an RFC 9457 problem (`application/problem+json`) naming the field it concerns; " +
                "JSON bodies are read strictly: an unknown, misspelt, differently cased or repeated member is refused (400 `urn:presale:problem:validation` naming its JSON path), never ignored; " +
                "`function` routes need a function key, `admin` routes the admin key (header `x-functions-key` or query `code`).",
        };

        var operation = new OpenApiOperation
        {
            OperationId = HealthOperationId,
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            Summary = "Overall status and each check (table storage, queue storage, declared functions)",
            Description = "Anonymous, for monitoring. 200 while every check is healthy, 503 when one fails; the body lists each check with its status, description and duration.",
            Responses = new OpenApiResponses
            {
                ["200"] = HealthResponse("Every check is healthy."),
                ["503"] = HealthResponse("A check failed; its entry says which and why."),
            },
        };
        ApiExamplesTransformer.Apply(operation, ApiExampleCatalog.ByOperationId[HealthOperationId], json.Value.SerializerOptions);

        var self = new OpenApiOperation
        {
            OperationId = OpenApiDocumentFunction.FunctionName,
            Tags = new HashSet<OpenApiTagReference> { new("API description", document) },
            Summary = "This OpenAPI document",
            Description = "Anonymous. The same document under the Functions host as in standalone mode (which also serves it at /openapi/v1.json); its server is the address the request came to.",
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The OpenAPI document.",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                },
            },
        };
        ApiExamplesTransformer.Apply(self, ApiExampleCatalog.ByOperationId[OpenApiDocumentFunction.FunctionName], json.Value.SerializerOptions);

        document.Paths ??= [];
        document.Paths[HealthPath] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
        document.Paths[DocumentPath] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = self } };
        return Task.CompletedTask;
    }

    private static OpenApiResponse HealthResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "healthy, degraded or unhealthy" },
                        ["durationMs"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                        ["checks"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                                {
                                    ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                    ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                                    ["durationMs"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                                    ["error"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                                    ["data"] = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null },
                                },
                            },
                        },
                    },
                },
            },
        },
    };
}
