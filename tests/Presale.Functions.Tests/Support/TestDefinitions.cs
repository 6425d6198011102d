using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Catalog;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Tests.Support;

/// <summary>Function declarations for tests: the app's own <c>functions.metadata</c>, edited copies of it, and single definitions.</summary>
internal static class TestDefinitions
{
    /// <summary>The app's <c>functions.metadata</c>, as the worker SDK generated it at build.</summary>
    public static string MetadataFile { get; } = Path.Combine(AppContext.BaseDirectory, FunctionMetadataLoader.FileName);

    /// <summary>The app's functions, schedules resolved from the app's own settings.</summary>
    public static IReadOnlyList<FunctionDefinition> Shipped() => FunctionMetadataLoader.Load(MetadataFile, Schedules);

    /// <summary>A fresh metadata file with the app's functions plus <paramref name="extra"/> (entries of <c>functions.metadata</c>).</summary>
    public static string WithExtra(params JsonObject[] extra)
    {
        var functions = JsonNode.Parse(File.ReadAllText(MetadataFile))!.AsArray();
        foreach (var entry in extra)
        {
            functions.Add(entry);
        }

        return Write(functions.ToJsonString());
    }

    /// <summary>A fresh metadata file holding only <paramref name="functions"/>.</summary>
    public static string Only(params JsonObject[] functions) => Write(new JsonArray(functions).ToJsonString());

    /// <summary>A fresh metadata file with the app's functions, each queue trigger's queue renamed as <paramref name="queues"/> says.</summary>
    public static string WithQueues(params (string Queue, string Renamed)[] queues)
    {
        var text = File.ReadAllText(MetadataFile);
        foreach (var (queue, renamed) in queues)
        {
            text = text.Replace($"\"queueName\": \"{queue}\"", $"\"queueName\": \"{renamed}\"", StringComparison.Ordinal);
        }

        return Write(text);
    }

    /// <summary>A <c>functions.metadata</c> entry for a timer function whose method is <paramref name="entryPoint"/>.</summary>
    public static JsonObject TimerEntry(string name, string schedule, string entryPoint, bool runOnStartup = false) => Entry(name, entryPoint, new JsonObject
    {
        ["name"] = "timer", ["direction"] = "In", ["type"] = "timerTrigger", ["schedule"] = schedule, ["runOnStartup"] = runOnStartup,
    });

    /// <summary>A <c>functions.metadata</c> entry for a queue function whose method is <paramref name="entryPoint"/>.</summary>
    public static JsonObject QueueEntry(string name, string queue, string entryPoint) => Entry(name, entryPoint, new JsonObject
    {
        ["name"] = "message", ["direction"] = "In", ["type"] = "queueTrigger", ["queueName"] = queue, ["connection"] = "AzureWebJobsStorage",
    });

    /// <summary>A timer definition.</summary>
    public static FunctionDefinition Timer(string name, string schedule, bool runOnStartup = false, bool useMonitor = true) =>
        new(name, TriggerKind.Timer, "timer", $"Tests.{name}.RunAsync")
        {
            Schedule = Presale.Functions.Host.Standalone.CronSchedule.Parse(schedule),
            RunOnStartup = runOnStartup,
            UseMonitor = useMonitor,
        };

    /// <summary>A queue definition.</summary>
    public static FunctionDefinition Queue(string name, string queueName) =>
        new(name, TriggerKind.Queue, "message", $"Tests.{name}.RunAsync") { QueueName = queueName, Connection = "AzureWebJobsStorage" };

    /// <summary>An HTTP definition.</summary>
    public static FunctionDefinition Http(string name, string route, AuthorizationLevel authLevel, params string[] methods) =>
        new(name, TriggerKind.Http, "req", $"Tests.{name}.RunAsync") { Route = route, AuthLevel = authLevel, Methods = methods.Select(m => m.ToUpperInvariant()).ToArray() };

    /// <summary>The app's schedule settings (appsettings.json), as the app resolves <c>%…Schedule%</c>.</summary>
    public static string? Schedules(string setting) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))![setting]?.GetValue<string>();

    private static JsonObject Entry(string name, string entryPoint, JsonObject trigger) => new()
    {
        ["name"] = name,
        ["scriptFile"] = "Presale.Functions.Tests.dll",
        ["entryPoint"] = entryPoint,
        ["language"] = "dotnet-isolated",
        ["bindings"] = new JsonArray(trigger),
    };

    private static string Write(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), "presale-functions-" + Guid.NewGuid().ToString("N") + ".metadata");
        File.WriteAllText(file, json);
        return file;
    }
}
