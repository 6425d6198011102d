using Presale.Functions.Catalog;

namespace Presale.Functions.Tests.Catalog;

public sealed class FunctionDefinitionLoaderTests
{
    private static FunctionDefinition Parse(string json, string name = "Fn", Func<string, string?>? settings = null) =>
        FunctionDefinitionLoader.Parse(name, json, $"/defs/{name}/function.json", settings);

    [Fact]
    public void Parse_TimerTrigger_ReadsScheduleRunOnStartupAndUseMonitor()
    {
        var definition = Parse("""
            { "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 */5 * * * *", "runOnStartup": true, "useMonitor": false } ] }
            """);

        Assert.Equal(TriggerKind.Timer, definition.Trigger);
        Assert.Equal("timer", definition.BindingName);
        Assert.Equal("0 */5 * * * *", definition.Schedule!.Expression);
        Assert.True(definition.RunOnStartup);
        Assert.False(definition.UseMonitor);
    }

    [Fact]
    public void Parse_TimerTrigger_DefaultsRunOnStartupFalseAndUseMonitorTrue()
    {
        var definition = Parse("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 0 * * * *" } ] }""");

        Assert.False(definition.RunOnStartup);
        Assert.True(definition.UseMonitor);
    }

    [Fact]
    public void Parse_ServiceBusTrigger_ReadsQueueAndConnection_ResolvingAppSettings()
    {
        var definition = Parse(
            """{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "msg", "queueName": "%ReconcileQueue%", "connection": "ServiceBusConnection" } ] }""",
            settings: key => key == "ReconcileQueue" ? "reconcile-7" : null);

        Assert.Equal(TriggerKind.ServiceBus, definition.Trigger);
        Assert.Equal("msg", definition.BindingName);
        Assert.Equal("reconcile-7", definition.QueueName);
        Assert.Equal("ServiceBusConnection", definition.Connection);
    }

    [Fact]
    public void Parse_HttpTrigger_ReadsRouteMethodsAndAuthLevel()
    {
        var definition = Parse("""
            { "bindings": [
              { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous", "methods": ["get", "Post"], "route": "orders/{orderId}" },
              { "type": "http", "direction": "out", "name": "res" } ] }
            """);

        Assert.Equal(TriggerKind.Http, definition.Trigger);
        Assert.Equal("orders/{orderId}", definition.Route);
        Assert.Equal(["GET", "POST"], definition.Methods);
        Assert.Equal(AuthorizationLevel.Anonymous, definition.AuthLevel);
        Assert.Equal("api/orders/{}", definition.HttpRoute!.ToString());
    }

    [Fact]
    public void Parse_HttpTriggerWithoutRouteOrAuthLevel_DefaultsToFunctionNameAndFunctionLevel()
    {
        var definition = Parse("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req" }, { "type": "http", "direction": "out", "name": "res" } ] }""", name: "Ping");

        Assert.Equal("Ping", definition.Route);
        Assert.Equal(AuthorizationLevel.Function, definition.AuthLevel);
        Assert.Empty(definition.Methods);
        Assert.True(definition.AllowsMethod("DELETE"));
    }

    [Theory]
    [InlineData("""{ "bindings": [] }""", "exactly one trigger binding, found 0")]
    [InlineData("""{ "nothing": 1 }""", "\"bindings\" array")]
    [InlineData("""{ "bindings": [ """, "not valid JSON")]
    [InlineData("""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "q" } ] }""", "trigger type 'queueTrigger' is not supported")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t" } ] }""", "needs a \"schedule\"")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 */5 * * *" } ] }""", "schedule: '0 */5 * * *' has 5 field(s)")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "%Missing%" } ] }""", "app setting 'Missing', which is not set")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 0 * * * *", "runOnStartup": "yes" } ] }""", "\"runOnStartup\" must be true or false")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "schedule": "0 0 * * * *" } ] }""", "no \"name\"")]
    [InlineData("""{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "m" } ] }""", "needs a \"queueName\"")]
    [InlineData("""{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "m", "topicName": "t", "subscriptionName": "s" } ] }""", "topic subscriptions are not supported")]
    [InlineData("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req" } ] }""", "needs an {\"type\": \"http\", \"direction\": \"out\"} binding")]
    [InlineData("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "system" }, { "type": "http", "direction": "out", "name": "res" } ] }""", "authLevel 'system'")]
    [InlineData("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "route": "api/orders" }, { "type": "http", "direction": "out", "name": "res" } ] }""", "must not start with '/' or 'api/'")]
    [InlineData("""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "a" }, { "type": "timerTrigger", "direction": "in", "name": "b", "schedule": "0 0 * * * *" } ] }""", "found 2")]
    public void Parse_RejectsMalformedDefinition_NamingFileAndProblem(string json, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => Parse(json));

        Assert.StartsWith("/defs/Fn/function.json: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_ReadsEveryFunctionFolder_AndIgnoresOtherFolders()
    {
        var folder = Support.TestDefinitions.WithExtra(("Sweep", Support.TestDefinitions.Timer("0 0 * * * *")), ("Reconcile", Support.TestDefinitions.Queue("reconcile")));
        Directory.CreateDirectory(Path.Combine(folder, "runtimes"));

        var definitions = FunctionDefinitionLoader.LoadDirectory(folder);

        Assert.Contains(definitions, d => d is { Name: "Sweep", Trigger: TriggerKind.Timer });
        Assert.Contains(definitions, d => d is { Name: "Reconcile", Trigger: TriggerKind.ServiceBus, QueueName: "reconcile" });
        Assert.Contains(definitions, d => d is { Name: "Health", Trigger: TriggerKind.Http });
        Assert.DoesNotContain(definitions, d => d.Name == "runtimes");
    }

    [Fact]
    public void LoadDirectory_ListsEveryMalformedDefinition()
    {
        var folder = Support.TestDefinitions.WithExtra(("BadTimer", """{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "nope" } ] }"""), ("BadQueue", """{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "m" } ] }"""));

        var exception = Assert.Throws<InvalidOperationException>(() => FunctionDefinitionLoader.LoadDirectory(folder));

        Assert.Contains(Path.Combine("BadTimer", "function.json"), exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("BadQueue", "function.json"), exception.Message, StringComparison.Ordinal);
    }
}
