using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Catalog;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Host.Keys;

/// <summary>
/// Standalone mode's stand-in for the Functions host's key check: a request routed to an <c>/api</c> endpoint passes
/// only if <see cref="AccessGuard"/> allows the auth level of the HTTP function covering that endpoint. An <c>/api</c>
/// endpoint that no HTTP trigger covers is treated as <c>function</c> level (closed by default).
/// </summary>
internal sealed class FunctionKeyMiddleware(RequestDelegate next, FunctionCatalog catalog, AccessGuard guard)
{
    private readonly ConcurrentDictionary<RouteEndpoint, RouteTemplate> _templates = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return next(context);
        }

        var template = _templates.GetOrAdd(endpoint, e => RouteTemplate.Parse(e.RoutePattern.RawText ?? string.Empty));
        if (!template.StartsWith(FunctionDefinition.RoutePrefix))
        {
            return next(context);
        }

        var level = catalog.FindHttp(template, context.Request.Method)?.AuthLevel ?? AuthorizationLevel.Function;
        if (guard.AllowsHttp(context, level))
        {
            return next(context);
        }

        var setting = level == AuthorizationLevel.Admin ? "Presale:Host:AdminKey" : "Presale:Host:FunctionKey";
        return AccessGuard.Unauthorized("This route", setting).ExecuteAsync(context);
    }
}
