using Presale.Functions.Standalone;

namespace Presale.Functions.Catalog;

/// <summary>
/// One function as its <c>&lt;Name&gt;/function.json</c> declares it. Trigger-specific members are set only for their
/// trigger: schedule ones for timers, queue ones for Service Bus, route ones for HTTP.
/// </summary>
/// <param name="Name">The folder name: the function's name and its invocation path <c>/{Name}</c>.</param>
/// <param name="Trigger">The trigger kind.</param>
/// <param name="BindingName">The trigger binding's <c>name</c>: the key of the trigger value in <c>Data</c>.</param>
/// <param name="SourcePath">The function.json file it was read from.</param>
public sealed record FunctionDefinition(string Name, TriggerKind Trigger, string BindingName, string SourcePath)
{
    /// <summary>The HTTP route prefix of the Functions host (<c>extensions.http.routePrefix</c>, left at its default).</summary>
    public const string RoutePrefix = "api";

    /// <summary><c>"disabled": true</c> in function.json: the standalone runner leaves it alone.</summary>
    public bool Disabled { get; init; }

    /// <summary>Timer: the NCRONTAB expression (after <c>%Setting%</c> resolution).</summary>
    public CronSchedule? Schedule { get; init; }

    /// <summary>Timer: <c>runOnStartup</c> (default false).</summary>
    public bool RunOnStartup { get; init; }

    /// <summary>Timer: <c>useMonitor</c> (default true): whether the trigger carries a <c>ScheduleStatus</c>.</summary>
    public bool UseMonitor { get; init; } = true;

    /// <summary>Service Bus: the queue (after <c>%Setting%</c> resolution).</summary>
    public string? QueueName { get; init; }

    /// <summary>Service Bus: the <c>connection</c> setting name.</summary>
    public string? Connection { get; init; }

    /// <summary>HTTP: the route (default the function name), without the <c>api/</c> prefix.</summary>
    public string? Route { get; init; }

    /// <summary>HTTP: allowed methods in upper case; empty means any method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>HTTP: the key a caller needs (default <see cref="AuthorizationLevel.Function"/>, as in Azure).</summary>
    public AuthorizationLevel AuthLevel { get; init; } = AuthorizationLevel.Function;

    /// <summary>HTTP: the full request path template the Functions host forwards, <c>api/{route}</c>.</summary>
    public RouteTemplate? HttpRoute => Trigger == TriggerKind.Http ? RouteTemplate.Parse($"{RoutePrefix}/{Route ?? Name}") : null;

    /// <summary>HTTP: whether this function accepts <paramref name="method"/>.</summary>
    public bool AllowsMethod(string method) =>
        Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}
