using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Presale.Functions.Host;
using Presale.Functions.Host.Storage;

namespace Presale.Functions.Tests.Support;

/// <summary>
/// Composes and starts the app as Program.cs does, on an in-memory server, and returns what start-up threw. Used for
/// start-up failures, which WebApplicationFactory reports unreliably (it may dispose the host before rethrowing).
/// </summary>
internal static class StartupProbe
{
    public static Task<Exception?> StartAsync(params (string Key, string? Value)[] settings) => StartComposedAsync(compose: null, settings);

    /// <summary>As <c>StartAsync</c>, with the storage and messaging adapters composed too.</summary>
    public static Task<Exception?> StartWithStorageAsync(params (string Key, string? Value)[] settings) =>
        StartComposedAsync(builder => builder.Services.AddPresaleStorage(builder.Configuration), settings);

    /// <summary>As <c>StartAsync</c>, with what <paramref name="compose"/> registers.</summary>
    public static async Task<Exception?> StartComposedAsync(Action<WebApplicationBuilder>? compose, params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var values = new Dictionary<string, string?>
        {
            ["Presale:Host:MetadataPath"] = TestDefinitions.MetadataFile,
            ["Presale:Host:StandaloneTriggers"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseTestServer();
        try
        {
            builder.AddPresaleHost(HostingMode.Resolve(builder.Configuration));
            builder.AddStandaloneServer();
            compose?.Invoke(builder);
            await using var app = builder.Build();
            app.UsePresaleStandalone();
            await app.StartAsync(TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception;
        }
    }
}
