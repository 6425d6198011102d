using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using AuthorizationLevel = Microsoft.Azure.Functions.Worker.AuthorizationLevel;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Tests.Catalog;

/// <summary>
/// The trigger attributes are the one declaration of each function: the SDK-generated functions.metadata lists every
/// [Function] method, every method asks only for what the host and standalone mode both supply, and standalone mode
/// serves exactly the routes, methods, auth levels, schedules, queues and queue settings the host would.
/// </summary>
public sealed class FunctionDeclarationTests
{
    private static readonly MethodInfo[] FunctionMethods = typeof(FunctionCatalog).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToArray();

    [Fact]
    public void Metadata_ListsEveryFunctionMethodOfTheApp()
    {
        var declared = FunctionMethods.Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, TestDefinitions.Shipped().Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFunction_AsksOnlyForWhatBothTheHostAndStandaloneModeSupply()
    {
        var catalog = new FunctionCatalog(TestDefinitions.Shipped());

        var broken = new List<string>();
        foreach (var definition in catalog.Definitions)
        {
            try
            {
                catalog.Method(definition);
            }
            catch (InvalidOperationException exception)
            {
                broken.Add(exception.Message);
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        Assert.Equal(FunctionMethods.Length, catalog.Definitions.Count);
    }

    [Fact]
    public void AFunctionAskingForMore_IsRefusedNamingTheParameter()
    {
        var definition = new FunctionDefinition("Greedy", TriggerKind.Timer, "timer", $"{typeof(GreedyFunction).FullName}.{nameof(GreedyFunction.RunAsync)}");

        var exception = Assert.Throws<InvalidOperationException>(() => FunctionMethod.Resolve(definition, typeof(GreedyFunction).Assembly));

        Assert.Contains("FunctionContext context", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandaloneRoutes_AreExactlyTheHttpTriggersOfTheMetadata()
    {
        await using var app = new PresaleApp();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionDefinition>() is not null)
            .Select(e => (
                Route: e.RoutePattern.RawText,
                Methods: string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods),
                Level: e.Metadata.GetMetadata<FunctionDefinition>()!.AuthLevel,
                Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var declared = TestDefinitions.Shipped().Where(d => d.Trigger == TriggerKind.Http)
            .Select(d => (Route: (string?)$"/api/{d.Route}", Methods: string.Join(",", d.Methods), Level: d.AuthLevel, d.Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, endpoints);
        Assert.Contains(declared, d => d.Name == "ListNotificationDeadLetters" && d.Level == AuthorizationLevel.Admin);
        Assert.Contains(declared, d => d.Name == "PostEtaUpdate" && d.Level == AuthorizationLevel.Anonymous && d.Methods == "POST");
    }

    [Fact]
    public void StandaloneSchedulesAndQueues_AreTheMetadatasWithTheAppsSettings()
    {
        var shipped = TestDefinitions.Shipped();

        Assert.Equal("0 * * * * *", shipped.Single(d => d.Name == "OutboxSweeper").Schedule!.ToString());
        Assert.Equal("50 * * * * *", shipped.Single(d => d.Name == "SupplierOutboxSweeper").Schedule!.ToString());
        Assert.Equal("0 7 * * * *", shipped.Single(d => d.Name == "OverdueLotSweeper").Schedule!.ToString());
        Assert.Equal("0 */5 * * * *", shipped.Single(d => d.Name == "TriageReturns").Schedule!.ToString());
        Assert.Equal("reconcile", shipped.Single(d => d.Name == "ReconcileSku").QueueName);
        Assert.Equal("notifications", shipped.Single(d => d.Name == "DeliverNotification").QueueName);
        Assert.All(shipped.Where(d => d.Trigger == TriggerKind.Queue), d => Assert.Equal("AzureWebJobsStorage", d.Connection));
    }

    [Fact]
    public async Task StandaloneQueueDelivery_UsesTheQueueSettingsOfHostJson()
    {
        var queues = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")))!["extensions"]!["queues"]!;
        await using var app = new PresaleApp();

        var options = app.Services.GetRequiredService<IOptions<QueuePumpOptions>>().Value;

        Assert.Equal(queues["maxDequeueCount"]!.GetValue<int>(), options.MaxDeliveryCount);
        Assert.Equal(queues["batchSize"]!.GetValue<int>(), options.BatchSize);
        Assert.Equal(TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), CultureInfo.InvariantCulture), options.AbandonDelay);
        Assert.Equal(TimeSpan.Parse(queues["maxPollingInterval"]!.GetValue<string>(), CultureInfo.InvariantCulture), options.MaxIdleDelay);
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
    }

    [Fact]
    public void Readme_ListsEveryTimerAndQueueFunctionInItsFunctionTable()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var missing = TestDefinitions.Shipped()
            .Where(d => d.Trigger != TriggerKind.Http && !readme.Contains($"| `{d.Name}` |", StringComparison.Ordinal))
            .Select(d => d.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"README.md's table of timer and queue functions lacks: {string.Join(", ", missing)}");
    }

    /// <summary>A timer function that asks for what standalone mode cannot supply.</summary>
    public sealed class GreedyFunction
    {
        [Function("Greedy")]
        public Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, FunctionContext context) => Task.FromResult((timer, context));
    }
}
