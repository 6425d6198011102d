using Presale.Testing;

namespace Presale.Functions.Tests.Support;

/// <summary>Definition folders for tests: the repository's own, or a copy of it with extra functions.</summary>
internal static class TestDefinitions
{
    /// <summary>The source folder holding <c>&lt;FunctionName&gt;/function.json</c>.</summary>
    public static string SourceFolder { get; } = RepositoryPaths.Combine("functions", "Presale.Functions", "Definitions");

    /// <summary>A fresh folder with the repository's definitions plus <paramref name="extra"/> (name → function.json text).</summary>
    public static string WithExtra(params (string Name, string Json)[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), "presale-definitions-" + Guid.NewGuid().ToString("N"));
        foreach (var source in Directory.EnumerateFiles(SourceFolder, "function.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(SourceFolder, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        foreach (var (name, json) in extra)
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            File.WriteAllText(Path.Combine(folder, name, "function.json"), json);
        }

        return folder;
    }

    /// <summary>
    /// A fresh folder with the repository's definitions, each queue trigger's <c>queueName</c> renamed as
    /// <paramref name="queues"/> says (e.g. <c>notifications</c> → a name unique to the test).
    /// </summary>
    public static string WithQueues(params (string Queue, string Renamed)[] queues)
    {
        var folder = WithExtra();
        foreach (var file in Directory.EnumerateFiles(folder, "function.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var (queue, renamed) in queues)
            {
                text = text.Replace($"\"queueName\": \"{queue}\"", $"\"queueName\": \"{renamed}\"", StringComparison.Ordinal);
            }

            File.WriteAllText(file, text);
        }

        return folder;
    }

    /// <summary>A fresh folder holding only <paramref name="functions"/> (name → function.json text).</summary>
    public static string Only(params (string Name, string Json)[] functions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "presale-definitions-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, json) in functions)
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            File.WriteAllText(Path.Combine(folder, name, "function.json"), json);
        }

        return folder;
    }

    /// <summary>A timer function.json.</summary>
    public static string Timer(string schedule, bool runOnStartup = false, bool useMonitor = true) =>
        $$"""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "{{schedule}}", "runOnStartup": {{(runOnStartup ? "true" : "false")}}, "useMonitor": {{(useMonitor ? "true" : "false")}} } ] }""";

    /// <summary>A Service Bus queue function.json.</summary>
    public static string Queue(string queueName) =>
        $$"""{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "msg", "queueName": "{{queueName}}", "connection": "ServiceBusConnection" } ] }""";

    /// <summary>An HTTP function.json.</summary>
    public static string Http(string route, string authLevel = "function", params string[] methods) =>
        $$"""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "{{authLevel}}", "methods": [{{string.Join(", ", methods.Select(m => $"\"{m}\""))}}], "route": "{{route}}" }, { "type": "http", "direction": "out", "name": "res" } ] }""";
}
