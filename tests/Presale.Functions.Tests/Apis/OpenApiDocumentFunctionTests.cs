using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Host.OpenApi;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// The OpenAPI document is served in Azure too: under the Functions host the functions are not ASP.NET Core
/// endpoints, yet <c>OpenApiDocument</c> (<c>GET /api/openapi/v1.json</c>) answers the same document as standalone
/// mode's <c>/openapi/v1.json</c>, built by the same pipeline from the same declarations.
/// </summary>
public sealed class OpenApiDocumentFunctionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnderTheFunctionsHost_TheDocumentFunction_AnswersTheStandaloneDocument()
    {
        await using var app = new PresaleApp();
        using var client = app.CreateClient();
        var standalone = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        var standaloneFunction = JsonNode.Parse(await client.GetStringAsync("/api/openapi/v1.json", Ct))!;

        // The worker as the Functions host starts it, built but not connected to a host, with the keys Azure requires.
        using var worker = Program.CreateWorker(
        [
            "--functions-uri", "http://127.0.0.1:41234/",
            "--Presale:Host:MetadataPath", TestDefinitions.MetadataFile,
            "--Presale:Suppliers:SecretEncryptionKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            "--Presale:Compensation:ConsentLinkKey", Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
        ]);
        var underHost = await InvokeAsync(worker.Services);

        Assert.Contains("/api/orders", standalone["paths"]!.AsObject().Select(p => p.Key));
        Assert.Equal("OpenApiDocument", standalone["paths"]!["/api/openapi/v1.json"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(standalone, standaloneFunction), "The document function answers another document than /openapi/v1.json in standalone mode.");
        Assert.True(JsonNode.DeepEquals(standalone, underHost), "Under the Functions host the document differs from standalone mode's: " + FirstDifference(standalone, underHost, "$"));
    }

    private static async Task<JsonNode> InvokeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/api/openapi/v1.json";
        context.Response.Body = new MemoryStream();

        var result = await ActivatorUtilities.CreateInstance<OpenApiDocumentFunction>(scope.ServiceProvider).GetAsync(context.Request, Ct);
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        return (await JsonNode.ParseAsync(context.Response.Body, cancellationToken: Ct))!;
    }

    /// <summary>The JSON path of the first place two documents differ, to make a failure readable.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(e[key], a[key]))
                {
                    return FirstDifference(e[key], a[key], $"{path}.{key}");
                }
            }
        }

        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                if (!JsonNode.DeepEquals(ea[i], aa[i]))
                {
                    return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path}: {expected?.ToJsonString() ?? "missing"} vs {actual?.ToJsonString() ?? "missing"}";
    }
}
