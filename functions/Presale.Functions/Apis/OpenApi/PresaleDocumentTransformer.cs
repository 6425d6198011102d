using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Apis.OpenApi;

/// <summary>
/// The document as a whole: its title and description, and <c>GET /api/health</c>, which the health-check middleware
/// maps outside the endpoint descriptions the other operations come from.
/// </summary>
internal sealed class PresaleDocumentTransformer(IOptions<JsonOptions> json) : IOpenApiDocumentTransformer
{
    /// <summary>The health route (mapped by <c>PresaleHostExtensions.UsePresaleHost</c>).</summary>
    public const string HealthPath = "/api/health";

    /// <summary>The operation id of <c>GET /api/health</c> (its function.json is <c>Health</c>).</summary>
    public const string HealthOperationId = "Health";

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

        document.Paths ??= [];
        document.Paths[HealthPath] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
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
