using Microsoft.AspNetCore.Routing.Patterns;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Standalone mode's HTTP trigger: every <c>httpTrigger</c> function of <c>functions.metadata</c> becomes an endpoint
/// on <c>/api/{route}</c> with its methods. The endpoint carries the function's definition (its auth level, checked by
/// <see cref="Keys.FunctionKeyMiddleware"/>), its method and the method's attributes, so the OpenAPI document reads
/// the same declarations in both modes. A request creates the function's class from the request's services and binds
/// <see cref="HttpRequest"/>, string route values (else query values) and the request's cancellation token.
/// </summary>
public static class HttpFunctionEndpoints
{
    /// <summary>Maps every HTTP function of <paramref name="catalog"/>.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var definition in catalog.OfKind(TriggerKind.Http))
        {
            var function = catalog.Method(definition);
            var builder = endpoints.Map(RoutePatternFactory.Parse($"/{FunctionDefinition.RoutePrefix}/{definition.Route}"), context => InvokeAsync(function, context));
            builder.WithDisplayName(definition.Name);
            builder.WithMetadata(definition, function.Method, new EndpointNameMetadata(definition.Name));
            if (definition.Methods.Count > 0)
            {
                builder.WithMetadata(new HttpMethodMetadata(definition.Methods));
            }

            builder.WithMetadata([.. function.Method.GetCustomAttributes(inherit: true).SelectMany(a => a is JsonBodyProblemsAttribute composite ? composite.Answers : [a])]);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(FunctionMethod function, HttpContext context)
    {
        var result = await function.InvokeAsync(context.RequestServices, p => Bind(p, context)).ConfigureAwait(false);
        await ((IResult)result!).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static object? Bind(System.Reflection.ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        var name = parameter.Name!;
        return context.Request.RouteValues.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : context.Request.Query.TryGetValue(name, out var query) && query.Count > 0 ? query.ToString() : null;
    }
}
