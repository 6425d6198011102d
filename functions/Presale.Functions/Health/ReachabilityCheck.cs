using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Presale.Adapters.Storage;

namespace Presale.Functions.Health;

/// <summary>Turns an adapter probe into a health result: reachable, refused (status) or unreachable (transport fault).</summary>
internal static class ReachabilityCheck
{
    public static async Task<HealthCheckResult> ProbeAsync(IReachabilityProbe? probe, string service, CancellationToken cancellationToken)
    {
        if (probe is null)
        {
            return HealthCheckResult.Healthy($"{service}: in-process.");
        }

        try
        {
            await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{service} is reachable.");
        }
        catch (RequestFailedException e)
        {
            // Includes transport failures (Azure.Core reports them with status 0).
            return HealthCheckResult.Unhealthy(e.Status == 0 ? $"{service} is unreachable." : $"{service} answered {e.Status} {e.ErrorCode}.", e);
        }
    }
}
