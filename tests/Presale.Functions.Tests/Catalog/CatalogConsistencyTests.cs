using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Catalog;
using Presale.Functions.Invocation;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Catalog;

public sealed class CatalogConsistencyTests
{
    [Fact]
    public async Task App_EveryFunctionJsonHasAnEndpointAndEveryEndpointHasAFunctionJson()
    {
        await using var app = new PresaleApp(TestDefinitions.SourceFolder);
        var definitions = FunctionDefinitionLoader.LoadDirectory(TestDefinitions.SourceFolder);
        using var scope = app.Services.CreateScope();
        var functions = scope.ServiceProvider.GetServices<IFunction>().Select(f => f.Name).ToList();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var problems = CatalogConsistency.Problems(definitions, functions, endpoints);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/health");
    }

    [Fact]
    public void Readme_ListsEveryTimerAndQueueFunctionInItsFunctionTable()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var missing = FunctionDefinitionLoader.LoadDirectory(TestDefinitions.SourceFolder)
            .Where(d => d.Trigger != TriggerKind.Http && !readme.Contains($"| `{d.Name}` |", StringComparison.Ordinal))
            .Select(d => d.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"README.md's table of timer and queue functions lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void BuildOutput_HasHostJsonAndEveryFunctionJsonAtTheFunctionsHostLayout()
    {
        var output = AppContext.BaseDirectory;

        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(Path.Combine(output, "host.json")));
        foreach (var source in Directory.EnumerateDirectories(TestDefinitions.SourceFolder))
        {
            var name = Path.GetFileName(source);
            var copied = Path.Combine(output, name, "function.json");
            Assert.True(File.Exists(copied), $"{name}/function.json is missing from the build output.");
            Assert.Equal(File.ReadAllText(Path.Combine(source, "function.json")), File.ReadAllText(copied));
        }

        Assert.False(Directory.Exists(Path.Combine(output, "Definitions")), "Definitions/ must be flattened, not copied as is.");
    }

    [Fact]
    public void Problems_TimerFunctionJsonWithoutImplementation_IsReported()
    {
        var definitions = new[] { Timer("Sweep") };

        var problems = CatalogConsistency.Problems(definitions, [], []);

        Assert.Contains(problems, p => p.Contains("'Sweep' has no registered IFunction", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ImplementationWithoutFunctionJson_IsReported()
    {
        var problems = CatalogConsistency.Problems([], ["Sweep"], []);

        Assert.Contains(problems, p => p.Contains("'Sweep' has no Definitions/Sweep/function.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_HttpRouteMatchingNoEndpoint_IsReported()
    {
        var definitions = new[] { Http("Orders", "orders/{orderId}", "GET") };

        var problems = CatalogConsistency.Problems(definitions, [], [Endpoint("/api/orders/{id}/cancel", "POST")]);

        Assert.Contains(problems, p => p.Contains("route 'api/orders/{orderId}' (GET) matches no mapped endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_EndpointWithoutFunctionJsonOrWithOtherMethod_IsReported()
    {
        var definitions = new[] { Http("GetOrder", "orders/{orderId}", "GET") };

        var problems = CatalogConsistency.Problems(definitions, [], [Endpoint("/api/orders/{id}", "GET"), Endpoint("/api/orders/{id}", "DELETE"), Endpoint("/api/returns", "POST")]);

        Assert.Contains(problems, p => p.Contains("DELETE '/api/orders/{id}' is covered by no", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("POST '/api/returns' is covered by no", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("GET '/api/orders/{id}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_CatchAllFunctionCoversItsGroup()
    {
        var definitions = new[] { Http("Orders", "orders/{*rest}", "GET", "POST") };

        var problems = CatalogConsistency.Problems(definitions, [], [Endpoint("/api/orders", "POST"), Endpoint("/api/orders/{id}", "GET"), Endpoint("/health", "GET")]);

        Assert.Empty(problems);
    }

    private static FunctionDefinition Timer(string name) =>
        FunctionDefinitionLoader.Parse(name, TestDefinitions.Timer("0 0 * * * *"), $"{name}/function.json");

    private static FunctionDefinition Http(string name, string route, params string[] methods) =>
        FunctionDefinitionLoader.Parse(name, TestDefinitions.Http(route, "function", methods), $"{name}/function.json");

    private static RouteEndpoint Endpoint(string pattern, string method) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(new HttpMethodMetadata([method])), pattern);
}
