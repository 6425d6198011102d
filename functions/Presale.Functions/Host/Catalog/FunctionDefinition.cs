using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Standalone;


namespace Presale.Functions.Host.Catalog;

/// <summary>
/// One function as the SDK-generated <c>functions.metadata</c> declares it (from its <c>[Function]</c> and trigger
/// attributes). Trigger-specific members are set only for their trigger: schedule ones for timers, queue ones for
/// queues, route ones for HTTP.
/// </summary>
/// <param name="Name">The <c>[Function]</c> name: the name the host and the admin API know it by.</param>
/// <param name="Trigger">The trigger kind.</param>
/// <param name="BindingName">The trigger parameter's name.</param>
/// <param name="EntryPoint">The method, <c>Namespace.Type.Method</c>.</param>
public sealed record FunctionDefinition(string Name, TriggerKind Trigger, string BindingName, string EntryPoint)
{
    /// <summary>The HTTP route prefix of the Functions host (<c>extensions.http.routePrefix</c> in host.json).</summary>
    public const string RoutePrefix = "api";

    /// <summary>Timer: the NCRONTAB expression (after <c>%Setting%</c> resolution).</summary>
    public CronSchedule? Schedule { get; init; }

    /// <summary>Timer: <c>runOnStartup</c> (default false).</summary>
    public bool RunOnStartup { get; init; }

    /// <summary>Timer: <c>useMonitor</c> (default true): whether the trigger carries a <c>ScheduleStatus</c>.</summary>
    public bool UseMonitor { get; init; } = true;

    /// <summary>Queue: the queue name (after <c>%Setting%</c> resolution).</summary>
    public string? QueueName { get; init; }

    /// <summary>Queue: the <c>Connection</c> setting name.</summary>
    public string? Connection { get; init; }

    /// <summary>HTTP: the route (default the function name), without the <c>api/</c> prefix.</summary>
    public string? Route { get; init; }

    /// <summary>HTTP: allowed methods in upper case; empty means any method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>HTTP: the key a caller needs (default <see cref="AuthorizationLevel.Function"/>, as in Azure).</summary>
    public AuthorizationLevel AuthLevel { get; init; } = AuthorizationLevel.Function;

    /// <summary>HTTP: the full request path template, <c>api/{route}</c>.</summary>
    public RouteTemplate? HttpRoute => Trigger == TriggerKind.Http ? RouteTemplate.Parse($"{RoutePrefix}/{Route ?? Name}") : null;

    /// <summary>HTTP: whether this function accepts <paramref name="method"/>.</summary>
    public bool AllowsMethod(string method) =>
        Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}
