using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The runtime contract as the app declares it: the worker runtime (the language of the SDK-generated
/// <c>functions.metadata</c> and the app's target framework), its queue and timer triggers as their attributes put them
/// in <c>functions.metadata</c> (queue names and <c>%&lt;FunctionName&gt;Schedule%</c> settings, unresolved, as the
/// Functions host reads them), each schedule's value from the app's own settings, the integration-event topic and the
/// settings that went away.
/// </summary>
internal static class RuntimeContract
{
    /// <summary>The setting naming the integration-event topic.</summary>
    public const string EventsTopicSetting = "Presale__Events__Topic";

    /// <summary>The Service Bus connection integration events are published through.</summary>
    public const string ServiceBusConnection = "ServiceBusConnection";

    /// <summary>The functions of the build's <c>functions.metadata</c>.</summary>
    public static JsonArray Functions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, FunctionMetadataLoader.FileName)))!.AsArray();

    /// <summary>The timer functions and the setting each reads its schedule from.</summary>
    public static IReadOnlyList<(string Function, string Setting)> TimerSettings() =>
        [.. Functions().Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: Trigger(f!)))
            .Where(f => f.Trigger["type"]!.GetValue<string>() == "timerTrigger")
            .Select(f => (f.Name, f.Trigger["schedule"]!.GetValue<string>().Trim('%')))];

    /// <summary>Adds the contract to <paramref name="app"/>.</summary>
    public static void AddTo(AppRequirements app)
    {
        var functions = Functions();
        var language = functions.Select(f => f!["language"]!.GetValue<string>()).Distinct().Single();
        var framework = typeof(FunctionCatalog).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        app.WorkerRuntime = (language, framework[(framework.IndexOf("=v", StringComparison.Ordinal) + 2)..]);

        var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        foreach (var function in functions)
        {
            var name = function!["name"]!.GetValue<string>();
            var trigger = Trigger(function);
            switch (trigger["type"]!.GetValue<string>())
            {
                case "queueTrigger":
                    var connection = trigger["connection"]?.GetValue<string>();
                    app.AddQueueTrigger(name, trigger["queueName"]!.GetValue<string>(), connection == AppRequirements.HostStorageConnection ? null : connection);
                    break;
                case "timerTrigger":
                    var schedule = trigger["schedule"]!.GetValue<string>();
                    app.AddTimerTrigger(name, schedule);
                    if (appSettings[schedule.Trim('%')]?.GetValue<string>() is { } value)
                    {
                        app.SettingValues[schedule.Trim('%')] = (value, $"the schedule of {name} the app runs standalone");
                    }

                    break;
            }
        }

        app.AddEventsTopic(EventsTopicSetting, ServiceBusConnection);
        app.RetiredSettings["Presale__Messaging__Transport"] = "the queue functions are triggered by storage queues only";
    }

    private static JsonNode Trigger(JsonNode function) =>
        function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
}
