using Microsoft.Extensions.Diagnostics.HealthChecks;
using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Host.Health;

/// <summary>
/// Reports the declared functions and the host mode, and is unhealthy when a function's entry point is missing or asks
/// for a parameter the host cannot supply (its invocations would all fail).
/// </summary>
internal sealed class FunctionCatalogHealthCheck(FunctionCatalog catalog, HostingMode mode) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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

        var data = new Dictionary<string, object>
        {
            ["mode"] = mode.IsFunctionsHost ? "functions-host" : "standalone",
            ["http"] = catalog.OfKind(TriggerKind.Http).Count(),
            ["timer"] = catalog.OfKind(TriggerKind.Timer).Count(),
            ["queue"] = catalog.OfKind(TriggerKind.Queue).Count(),
        };

        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.Definitions.Count} function(s) declared.", data)
            : HealthCheckResult.Unhealthy(string.Join(" ", broken), data: data));
    }
}
