using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Functions.Host;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Keys;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Hosting;

public sealed class FunctionKeyMiddlewareTests
{
    private const string FunctionKey = "function-key-0123456789";
    private const string AdminKey = "admin-key-0123456789ab";
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    private static readonly FunctionCatalog Catalog = new([
        TestDefinitions.Http("GetOrder", "orders/{orderId}", AuthorizationLevel.Function, "get"),
        TestDefinitions.Http("Webhook", "suppliers/{supplierId}/eta", AuthorizationLevel.Anonymous, "post"),
        TestDefinitions.Http("Policies", "admin/policies", AuthorizationLevel.Admin, "put"),
    ]);

    private static async Task<(int Status, bool Passed, string Body)> SendAsync(
        string pattern, string method, IPAddress? from = null, string? header = null, string? query = null,
        string? functionKey = FunctionKey, string? adminKey = AdminKey, bool underHost = false)
    {
        var settings = new Dictionary<string, string?>();
        if (underHost)
        {
            settings["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:41234/";
        }

        var mode = HostingMode.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var guard = new AccessGuard(mode, Options.Create(new FunctionsHostOptions { FunctionKey = functionKey, AdminKey = adminKey }));
        var passed = false;
        var middleware = new FunctionKeyMiddleware(_ => { passed = true; return Task.CompletedTask; }, Catalog, guard);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.Method = method;
        context.Connection.RemoteIpAddress = from ?? Remote;
        context.Response.Body = new MemoryStream();
        if (header is not null)
        {
            context.Request.Headers["x-functions-key"] = header;
        }

        if (query is not null)
        {
            context.Request.QueryString = new QueryString($"?code={Uri.EscapeDataString(query)}");
        }

        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, EndpointMetadataCollection.Empty, pattern));
        await middleware.InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, passed, await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FunctionLevelRoute_WithoutKey_Is401ProblemNamingTheHeader()
    {
        var (status, passed, body) = await SendAsync("/api/orders/{id}", "GET");

        Assert.Equal(401, status);
        Assert.False(passed);
        Assert.Contains("x-functions-key", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionLevelRoute_WithWrongKey_Is401()
    {
        Assert.Equal(401, (await SendAsync("/api/orders/{id}", "GET", header: "wrong-key-0123456789")).Status);
    }

    [Fact]
    public async Task FunctionLevelRoute_WithKeyInHeaderOrQueryOrAdminKey_Passes()
    {
        Assert.True((await SendAsync("/api/orders/{id}", "GET", header: FunctionKey)).Passed);
        Assert.True((await SendAsync("/api/orders/{id}", "GET", query: FunctionKey)).Passed);
        Assert.True((await SendAsync("/api/orders/{id}", "GET", header: AdminKey)).Passed);
    }

    [Fact]
    public async Task AnonymousRoute_PassesWithoutKey()
    {
        Assert.True((await SendAsync("/api/suppliers/{supplierId}/eta", "POST")).Passed);
    }

    [Fact]
    public async Task AdminLevelRoute_RefusesTheFunctionKey_AndAcceptsTheAdminKey()
    {
        Assert.Equal(401, (await SendAsync("/api/admin/policies", "PUT", header: FunctionKey)).Status);
        Assert.True((await SendAsync("/api/admin/policies", "PUT", header: AdminKey)).Passed);
    }

    [Fact]
    public async Task ApiRouteCoveredByNoFunctionJson_NeedsAFunctionKey()
    {
        Assert.Equal(401, (await SendAsync("/api/secret", "GET")).Status);
        Assert.True((await SendAsync("/api/secret", "GET", header: FunctionKey)).Passed);
    }

    [Fact]
    public async Task LoopbackCaller_PassesOnlyWhileNoKeyIsConfigured()
    {
        Assert.True((await SendAsync("/api/orders/{id}", "GET", from: IPAddress.Loopback, functionKey: null)).Passed);
        Assert.Equal(401, (await SendAsync("/api/orders/{id}", "GET", from: IPAddress.Loopback)).Status);
        Assert.Equal(401, (await SendAsync("/api/orders/{id}", "GET", functionKey: null)).Status);
    }

    [Fact]
    public async Task UnderFunctionsHost_EveryRoutePasses_TheHostCheckedTheKey()
    {
        Assert.True((await SendAsync("/api/orders/{id}", "GET", underHost: true)).Passed);
        Assert.True((await SendAsync("/api/admin/policies", "PUT", underHost: true)).Passed);
    }

    [Fact]
    public async Task NonApiRoute_IsLeftToItsOwnChecks()
    {
        Assert.True((await SendAsync("/", "GET")).Passed);
    }
}
