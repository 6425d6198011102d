using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_Answers_SoTheFunctionsHostSeesTheHandlerReady()
    {
        await using var factory = new PresaleApp();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_ListsEachRegisteredCheck_AndNeedsNoKeyFromRemoteCallers()
    {
        await using var app = new PresaleApp()
            .With("Presale:Host:FunctionKey", "function-key-0123456789")
            .WithServices(s => s.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Healthy("tables reachable")));
        app.RemoteAddress = IPAddress.Parse("203.0.113.7");
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("tables reachable", checks["storage"].GetProperty("description").GetString());
        Assert.Equal("standalone", checks["functions"].GetProperty("data").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Health_WhenACheckFails_Answers503NamingIt()
    {
        await using var app = new PresaleApp()
            .WithServices(s => s.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Unhealthy("table endpoint refused the connection")));
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "storage" && c.GetProperty("status").GetString() == "unhealthy");
    }

    [Fact]
    public async Task Health_WhenATimerFunctionsEntryPointIsMissing_IsUnhealthy()
    {
        await using var app = new PresaleApp(TestDefinitions.WithExtra(TestDefinitions.TimerEntry("Sweep", "0 0 * * * *", "Presale.Nowhere.Sweep.RunAsync")));
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Presale.Nowhere.Sweep.RunAsync", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_OtherMethods_AreNotRouted()
    {
        await using var app = new PresaleApp();
        using var client = app.CreateClient();

        var response = await client.PostAsync(new Uri("/api/health", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
