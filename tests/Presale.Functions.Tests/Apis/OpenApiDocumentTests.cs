using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// The document served at <c>/openapi/v1.json</c> by the running app, checked operation by operation: everything is
/// read from the document, the app's endpoints and its functions.metadata, so a route added later without examples,
/// headers or keys fails here without anyone editing a list.
/// </summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime
{
    private const string ProblemJson = "application/problem+json";

    private readonly PresaleApp _app = new();
    private JsonObject _document = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var client = _app.CreateClient();
        _document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryOperation_HasExamplesForItsRequestBodyAndEveryResponse()
    {
        var problems = new List<string>();
        foreach (var (name, operation) in Operations())
        {
            if (operation["operationId"]?.GetValue<string>() is not { Length: > 0 })
            {
                problems.Add($"{name}: no operationId (give the endpoint a WithName, the key of its examples).");
            }

            if (operation["requestBody"]?["content"] is JsonObject requestContent)
            {
                foreach (var (mediaType, media) in requestContent)
                {
                    if (Examples(media).Count == 0)
                    {
                        problems.Add($"{name}: request body {mediaType} has no example.");
                    }
                }
            }

            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('2')))
            {
                problems.Add($"{name}: no success response.");
            }

            foreach (var (status, response) in responses)
            {
                var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
                var content = response!["content"] as JsonObject;
                if (content is null || content.Count == 0)
                {
                    if (code != StatusCodes.Status204NoContent)
                    {
                        problems.Add($"{name}: response {status} has no body to show an example of.");
                    }

                    continue;
                }

                if (code is >= 400 and < 500 && (content.Count != 1 || !content.ContainsKey(ProblemJson)))
                {
                    problems.Add($"{name}: response {status} is not {ProblemJson} alone ({string.Join(", ", content.Select(c => c.Key))}).");
                }

                foreach (var (mediaType, media) in content)
                {
                    var examples = Examples(media);
                    if (examples.Count == 0)
                    {
                        problems.Add($"{name}: response {status} {mediaType} has no example.");
                    }

                    if (mediaType != ProblemJson)
                    {
                        continue;
                    }

                    foreach (var example in examples)
                    {
                        if (example is not JsonObject problem
                            || problem["status"] is not JsonValue number
                            || !number.TryGetValue<int>(out var exampleStatus)
                            || exampleStatus != code
                            || problem["title"]?.GetValue<string>() is not { Length: > 0 }
                            || problem["type"]?.GetValue<string>() is not { Length: > 0 })
                        {
                            problems.Add($"{name}: response {status} has an example that is not a problem with status {code}, a title and a type: {example?.ToJsonString()}");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ExampleCatalog_NamesOnlyOperationsAndStatusesTheDocumentHas()
    {
        var operations = Operations().ToDictionary(o => o.Operation["operationId"]?.GetValue<string>() ?? o.Name, o => o.Operation, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (id, examples) in ApiExampleCatalog.ByOperationId)
        {
            if (!operations.TryGetValue(id, out var operation))
            {
                problems.Add($"ApiExampleCatalog has examples for '{id}', which is no operation of the document.");
                continue;
            }

            if ((examples.Request is null) != (operation["requestBody"] is null))
            {
                problems.Add($"{id}: the catalog {(examples.Request is null ? "lacks" : "has")} a request example, the operation {(operation["requestBody"] is null ? "takes no" : "takes a")} body.");
            }

            foreach (var status in examples.Responses.Keys.Where(s => operation["responses"]![s.ToString(System.Globalization.CultureInfo.InvariantCulture)] is null))
            {
                problems.Add($"{id}: the catalog has an example for {status}, which the endpoint does not declare (add Produces…/ProducesProblem({status}) or drop it).");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryApiRouteTheAppMaps_IsInTheDocument_AndTheDocumentHasNoOther()
    {
        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => RouteTemplate.Parse(e.RoutePattern.RawText ?? string.Empty).StartsWith(FunctionDefinition.RoutePrefix))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => Route(m, e.RoutePattern.RawText!)))
            .ToHashSet(StringComparer.Ordinal);
        var documented = Operations().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var differences = mapped.Except(documented).Select(r => $"Mapped but not in the document: {r}.")
            .Concat(documented.Except(mapped).Select(r => $"In the document but not mapped: {r}."))
            .ToList();
        Assert.Contains("GET /api/health", mapped);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void RequestHeaders_AreDeclaredOnEveryOperationWhoseRouteReadsThem()
    {
        var operations = Operations().ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);
        var problems = new List<string>();
        var withKey = new List<string>();
        var signed = new List<string>();
        foreach (var endpoint in ApiEndpoints())
        {
            var name = Route(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0], endpoint.RoutePattern.RawText!);
            var operation = operations[name];
            var id = operation["operationId"]!.GetValue<string>();
            if (endpoint.Metadata.GetMetadata<IdempotencyKeyAttribute>() is { } idempotency)
            {
                withKey.Add(id);
                var header = Header(operation, IdempotencyHeader.Key);
                if (header?["required"]?.GetValue<bool>() != true
                    || header["description"]?.GetValue<string>() is not { } text
                    || !text.Contains(IdempotencyHeader.Replayed, StringComparison.Ordinal)
                    || !text.Contains("422", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: reads {IdempotencyHeader.Key} but does not declare it as a required header explaining replays and 422.");
                }

                if (operation["responses"]!["422"] is null)
                {
                    problems.Add($"{name}: reads {IdempotencyHeader.Key} but does not document the 422 for a reused key.");
                }

                foreach (var status in idempotency.ReplayedStatuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    if (operation["responses"]![status]?["headers"]?[IdempotencyHeader.Replayed] is null)
                    {
                        problems.Add($"{name}: response {status} can be replayed but does not declare the {IdempotencyHeader.Replayed} header.");
                    }
                }
            }

            if (endpoint.Metadata.GetMetadata<SupplierSignatureAttribute>() is not null)
            {
                signed.Add(id);
                if (Header(operation, "Presale-Signature")?["required"]?.GetValue<bool>() != true)
                {
                    problems.Add($"{name}: checks Presale-Signature but does not declare it as a required header.");
                }

                if (operation["responses"]!["401"] is null || operation["responses"]!["413"] is null)
                {
                    problems.Add($"{name}: checks Presale-Signature but does not document the filter's 401 and 413.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Superset(new HashSet<string>(["PlaceOrder", "AdjustStock", "CreateReturn"]), withKey.ToHashSet());
        Assert.Superset(new HashSet<string>(["PostEtaUpdate", "PostReceipt"]), signed.ToHashSet());
    }

    [Fact]
    public void ReadingTheIdempotencyKey_OnAFunctionThatDoesNotDeclareIt_Throws()
    {
        var function = TestDefinitions.Http("Undeclared", "undeclared", AuthorizationLevel.Function, "post");
        var undeclared = new DefaultHttpContext();
        undeclared.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(function), "POST /api/undeclared"));
        undeclared.Request.Headers[IdempotencyHeader.Key] = "k1";
        var declared = new DefaultHttpContext();
        declared.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(function, new IdempotencyKeyAttribute()), "POST /api/declared"));
        declared.Request.Headers[IdempotencyHeader.Key] = "k1";

        var error = Assert.Throws<InvalidOperationException>(() => IdempotencyHeader.Read(undeclared.Request));

        Assert.Contains("POST /api/undeclared", error.Message, StringComparison.Ordinal);
        Assert.Equal("k1", IdempotencyHeader.Read(declared.Request));
    }

    [Fact]
    public void Security_FollowsTheAuthLevelOfEachRoutesFunctionJson()
    {
        var catalog = _app.Services.GetRequiredService<FunctionCatalog>();
        var schemes = _document["components"]!["securitySchemes"]!;
        Assert.Equal(("header", "x-functions-key"), (schemes["functionKey"]!["in"]!.GetValue<string>(), schemes["functionKey"]!["name"]!.GetValue<string>()));
        Assert.Equal(("query", "code"), (schemes["functionKeyQuery"]!["in"]!.GetValue<string>(), schemes["functionKeyQuery"]!["name"]!.GetValue<string>()));
        Assert.Equal(("header", "x-functions-key"), (schemes["adminKey"]!["in"]!.GetValue<string>(), schemes["adminKey"]!["name"]!.GetValue<string>()));
        Assert.Equal(("query", "code"), (schemes["adminKeyQuery"]!["in"]!.GetValue<string>(), schemes["adminKeyQuery"]!["name"]!.GetValue<string>()));

        var problems = new List<string>();
        foreach (var (name, operation) in Operations())
        {
            var (method, path) = (name[..name.IndexOf(' ', StringComparison.Ordinal)], name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var level = catalog.FindHttp(RouteTemplate.Parse(path), method)?.AuthLevel ?? AuthorizationLevel.Function;
            var expected = level switch
            {
                AuthorizationLevel.Anonymous => "",
                AuthorizationLevel.Admin => "adminKey|adminKeyQuery",
                _ => "functionKey|functionKeyQuery",
            };
            var actual = string.Join("|", (operation["security"] as JsonArray ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)));
            if (actual != expected)
            {
                problems.Add($"{name}: authLevel {level} but security '{actual}' (expected '{expected}').");
            }

            if (level != AuthorizationLevel.Anonymous && operation["responses"]!["401"] is null)
            {
                problems.Add($"{name}: needs a key but does not document 401.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryReference_ResolvesInTheDocument()
    {
        var unresolved = Descendants(_document)
            .OfType<JsonObject>()
            .Select(o => o["$ref"]?.GetValue<string>())
            .OfType<string>()
            .Where(r => !r.StartsWith("#/", StringComparison.Ordinal)
                || r[2..].Split('/').Aggregate((JsonNode?)_document, (node, part) => node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]) is null)
            .Distinct()
            .ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void ReadmeRoutesTable_ListsExactlyTheDocumentsRoutes_WithTheirKeys()
    {
        var readme = ReadmeRoutes();
        var operations = Operations().ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);

        var differences = readme.Keys.Except(operations.Keys).Select(r => $"README lists {r}, which the document lacks.")
            .Concat(operations.Keys.Except(readme.Keys).Select(r => $"The document has {r}, which the README lacks."))
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        foreach (var (route, key) in readme)
        {
            var security = string.Join("|", (operations[route]["security"] as JsonArray ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)));
            var expected = key switch
            {
                "function" => "functionKey|functionKeyQuery",
                "admin" => "adminKey|adminKeyQuery",
                _ => "",
            };
            Assert.True(security == expected, $"README says {route} takes key '{key}', the document says '{security}'.");
        }
    }

    /// <summary>Every operation as "METHOD /path" with its JSON.</summary>
    private IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options")
            .Select(o => ($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!.AsObject())));

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => RouteTemplate.Parse(e.RoutePattern.RawText ?? string.Empty).StartsWith(FunctionDefinition.RoutePrefix)
                && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 });

    /// <summary>"METHOD /path" with the path as the document writes it (leading slash, no trailing one).</summary>
    private static string Route(string method, string pattern) => $"{method.ToUpperInvariant()} /{pattern.Trim('/')}";

    private static JsonNode? Header(JsonObject operation, string name) =>
        (operation["parameters"] as JsonArray ?? []).FirstOrDefault(p => p!["in"]!.GetValue<string>() == "header" && p["name"]!.GetValue<string>() == name);

    /// <summary>The example, or every named example, of a media type.</summary>
    private static List<JsonNode?> Examples(JsonNode? media)
    {
        if (media?["example"] is { } example)
        {
            return [example];
        }

        return media?["examples"] is JsonObject named ? [.. named.Select(e => e.Value?["value"])] : [];
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Descendants(p.Value!)).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };

    /// <summary>
    /// The README's routes table: "METHOD /api/…" → its Key column's first word. A cell lists routes as
    /// <c>`GET/PUT /api/x`</c>, separated by " · "; a path starting with "…" continues the previous one, and a route
    /// without methods takes the previous one's.
    /// </summary>
    private static Dictionary<string, string> ReadmeRoutes()
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepositoryPaths.Combine("README.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var key = cells[3].Split(' ')[0];
            var (previous, methods) = ("", "");
            foreach (Match item in ReadmeRoute().Matches(cells[1]))
            {
                var path = item.Groups["path"].Value.Split('?')[0];
                if (path.StartsWith('…'))
                {
                    var suffix = path[1..].Trim('/').Split('/');
                    var segments = previous.Trim('/').Split('/').ToList();
                    var at = segments.IndexOf(suffix[0]);
                    path = "/" + string.Join('/', (at >= 0 ? segments.Take(at) : segments.Take(segments.Count - 1)).Concat(suffix));
                }

                previous = path;
                methods = item.Groups["methods"].Success ? item.Groups["methods"].Value : methods;
                if (!path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var method in methods.Split('/'))
                {
                    routes[$"{method} {path}"] = key;
                }
            }
        }

        return routes;
    }

    [GeneratedRegex("`(?:(?<methods>[A-Z]+(?:/[A-Z]+)*) )?(?<path>[/…][^`]*)`")]
    private static partial Regex ReadmeRoute();
}
