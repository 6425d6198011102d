using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Presale.Functions.Health;

/// <summary>Maps <c>/api/health</c>: the status of every registered check (table and queue reachability), as JSON.</summary>
public static class HealthEndpointExtensions
{
    /// <summary>Maps <c>GET /api/health</c>: 200 when every check is healthy, 503 otherwise, with each check's status.</summary>
    public static IEndpointConventionBuilder MapPresaleHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapHealthChecks("/api/health", new HealthCheckOptions
        {
            ResponseWriter = static (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString().ToLowerInvariant(),
                    checks = report.Entries.ToDictionary(
                        e => e.Key,
                        e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
                }));
            },
        });
    }
}
