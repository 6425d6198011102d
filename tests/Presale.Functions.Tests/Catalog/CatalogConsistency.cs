using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Presale.Functions.Catalog;

namespace Presale.Functions.Tests.Catalog;

/// <summary>
/// What must hold between the function.json files, the registered functions and the mapped routes; each broken rule
/// is one line. Everything comes from the app and the Definitions folder, so new routes and functions are checked
/// without editing a list.
/// </summary>
internal static class CatalogConsistency
{
    public static IReadOnlyList<string> Problems(
        IReadOnlyList<FunctionDefinition> definitions,
        IEnumerable<string> registeredFunctions,
        IEnumerable<RouteEndpoint> endpoints)
    {
        var problems = new List<string>();
        var registered = registeredFunctions.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var catalog = new FunctionCatalog(definitions);

        foreach (var definition in definitions.Where(d => d.Trigger != TriggerKind.Http && !registered.Contains(d.Name)))
        {
            problems.Add($"{definition.SourcePath}: {definition.Trigger} function '{definition.Name}' has no registered IFunction.");
        }

        foreach (var name in registered.Where(n => catalog.Find(n) is null))
        {
            problems.Add($"IFunction '{name}' has no Definitions/{name}/function.json.");
        }

        foreach (var name in registered.Where(n => catalog.Find(n) is { Trigger: TriggerKind.Http }))
        {
            problems.Add($"IFunction '{name}' is declared as an httpTrigger: HTTP functions are routes, not IFunctions.");
        }

        var api = endpoints
            .Select(e => (Endpoint: e, Route: RouteTemplate.Parse(e.RoutePattern.RawText ?? string.Empty), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith(FunctionDefinition.RoutePrefix))
            .ToList();

        foreach (var (endpoint, route, methods) in api)
        {
            if (methods.Count == 0)
            {
                if (!catalog.OfKind(TriggerKind.Http).Any(d => d.HttpRoute!.Covers(route) && d.Methods.Count == 0))
                {
                    problems.Add($"Endpoint '{endpoint.RoutePattern.RawText}' (any method) is covered by no httpTrigger function.json without a methods list.");
                }

                continue;
            }

            foreach (var method in methods.Where(m => m != HttpMethods.Options && catalog.FindHttp(route, m) is null))
            {
                problems.Add($"Endpoint {method} '{endpoint.RoutePattern.RawText}' is covered by no httpTrigger function.json.");
            }
        }

        foreach (var definition in catalog.OfKind(TriggerKind.Http))
        {
            var matched = api.Any(e => definition.HttpRoute!.Covers(e.Route)
                && (e.Methods.Count == 0 || definition.Methods.Count == 0 || e.Methods.Any(definition.AllowsMethod)));
            if (!matched)
            {
                problems.Add($"{definition.SourcePath}: route 'api/{definition.Route}' ({string.Join(",", definition.Methods)}) matches no mapped endpoint.");
            }
        }

        return problems;
    }
}
