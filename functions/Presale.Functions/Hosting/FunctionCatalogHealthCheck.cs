using Microsoft.Extensions.Diagnostics.HealthChecks;
using Presale.Functions.Catalog;
using Presale.Functions.Invocation;

namespace Presale.Functions.Hosting;

/// <summary>
/// Reports the declared functions and the host mode, and is unhealthy when a timer or queue function.json has no
/// <see cref="IFunction"/> behind it (its invocations would all fail).
/// </summary>
internal sealed class FunctionCatalogHealthCheck(FunctionCatalog catalog, IServiceScopeFactory scopes, HostingMode mode) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var implemented = scope.ServiceProvider.GetServices<IFunction>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = catalog.Definitions.Where(d => d.Trigger != TriggerKind.Http && !implemented.Contains(d.Name)).Select(d => d.Name).ToArray();
        var data = new Dictionary<string, object>
        {
            ["mode"] = mode.IsFunctionsHost ? "functions-host" : "standalone",
            ["http"] = catalog.OfKind(TriggerKind.Http).Count(),
            ["timer"] = catalog.OfKind(TriggerKind.Timer).Count(),
            ["serviceBus"] = catalog.OfKind(TriggerKind.ServiceBus).Count(),
        };

        return Task.FromResult(missing.Length == 0
            ? HealthCheckResult.Healthy($"{catalog.Definitions.Count} function(s) declared.", data)
            : HealthCheckResult.Unhealthy($"No implementation for declared function(s): {string.Join(", ", missing)}.", data: data));
    }
}
