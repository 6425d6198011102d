namespace Presale.Functions.Apis.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the endpoints' own descriptions (<c>WithName</c>, <c>Produces…</c>,
/// <c>Accepts</c>), completed by transformers with the key each route needs, the headers it reads, examples from
/// <see cref="ApiExampleCatalog"/>, and how JSON bodies are read (<see cref="StrictBodyTransformer"/>).
/// </summary>
public static class PresaleOpenApi
{
    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddPresaleOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<PresaleDocumentTransformer>();
            o.AddDocumentTransformer<StrictBodyTransformer>();
            o.AddOperationTransformer<FunctionKeySecurityTransformer>();
            o.AddOperationTransformer<RequestHeadersTransformer>();
            o.AddOperationTransformer<ApiExamplesTransformer>();

            // After the examples: it reads the request example and adds to the 400 examples.
            o.AddOperationTransformer<StrictBodyTransformer>();
        });
    }
}
