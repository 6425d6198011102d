using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// The OpenAPI document: the HTTP functions' own descriptions (their <c>[HttpTrigger]</c>, <c>[EndpointSummary]</c>,
/// <c>[ProducesResponseType]</c>, <c>[Consumes]</c> … as endpoint metadata, see <see cref="HttpFunctionEndpoints"/>),
/// completed by transformers with the key each route needs, the headers it reads, examples from
/// <see cref="ApiExampleCatalog"/>, and how JSON bodies are read (<see cref="StrictBodyTransformer"/>). Served by
/// <see cref="OpenApiDocumentFunction"/> at <c>/api/openapi/v1.json</c> in both modes, and in standalone mode also at
/// <c>/openapi/v1.json</c> (<c>MapOpenApi</c>); both come from the one document provider.
/// </summary>
public static class PresaleOpenApi
{
    /// <summary>The name of the one document (<c>v1</c>).</summary>
    public const string DocumentName = "v1";

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddPresaleOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer<PresaleDocumentTransformer>();
            o.AddDocumentTransformer<StrictBodyTransformer>();
            o.AddOperationTransformer<FunctionKeySecurityTransformer>();
            o.AddOperationTransformer<RequestHeadersTransformer>();
            o.AddOperationTransformer<ApiExamplesTransformer>();
            o.AddOperationTransformer<StorageUnavailableTransformer>();

            // After the examples: it reads the request example and adds to the 400 examples.
            o.AddOperationTransformer<StrictBodyTransformer>();
        });
    }

    /// <summary>
    /// Under the Functions host the functions are not ASP.NET Core endpoints: the host routes requests to them. So that
    /// the document describes them all the same, the endpoints standalone mode would map for them
    /// (<see cref="HttpFunctionEndpoints.MapHttpFunctions"/>, same catalog, same metadata) become the
    /// <see cref="EndpointDataSource"/> the API explorer reads. They are described, never served: request routing in
    /// the worker uses its own endpoints, not this registration.
    /// </summary>
    public static IServiceCollection AddFunctionEndpointDescriptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<EndpointDataSource>(sp =>
        {
            var described = new DescribedEndpoints(sp);
            described.MapHttpFunctions(sp.GetRequiredService<FunctionCatalog>());
            return new CompositeEndpointDataSource(described.DataSources);
        });
    }

    /// <summary>
    /// The document as JSON, its server the address <paramref name="request"/> came to (as <c>MapOpenApi</c> sets it),
    /// so clients behind the Functions host's front end get the public address.
    /// </summary>
    public static async Task<string> WriteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.HttpContext.RequestServices;
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(cancellationToken).ConfigureAwait(false);
        document.Servers = [new OpenApiServer { Url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase) }];
        var version = services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(DocumentName).OpenApiVersion;
        return await document.SerializeAsJsonAsync(version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An endpoint route builder whose endpoints are only collected, never added to a pipeline.</summary>
    private sealed class DescribedEndpoints(IServiceProvider services) : IEndpointRouteBuilder
    {
        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IServiceProvider ServiceProvider => services;

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
