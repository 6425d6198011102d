using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Presale.Functions.Host.Health;

/// <summary><c>GET /api/health</c>: every registered health check, answered by <see cref="HealthResponseWriter"/> (503 when one fails).</summary>
public sealed class HealthFunction(HealthCheckService health)
{
    /// <summary>Runs the checks.</summary>
    [Function("Health")]
    [ExcludeFromDescription]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var report = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return new HealthResult(report);
    }

    private sealed class HealthResult(HealthReport report) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return HealthResponseWriter.WriteAsync(httpContext, report);
        }
    }
}
