using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Presale.Adapters.Storage;

namespace Presale.Functions.Host.Health;

/// <summary>
/// Turns an adapter probe into a health result: reachable, refused (status), unreachable (transport fault), or silent
/// past the storage budget (<see cref="StorageOptions.RequestBudget"/>, the same bound a request has), so a probe of a
/// service that stopped answering reports it instead of hanging.
/// </summary>
internal static class ReachabilityCheck
{
    public static async Task<HealthCheckResult> ProbeAsync(IReachabilityProbe? probe, string service, StorageOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (probe is null)
        {
            return HealthCheckResult.Healthy($"{service}: in-process.");
        }

        try
        {
            using (StorageBudget.Begin(options.RequestBudget, time))
            {
                await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy($"{service} is reachable.");
        }
        catch (StorageUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
        catch (RequestFailedException e)
        {
            // Includes transport failures (Azure.Core reports them with status 0).
            return HealthCheckResult.Unhealthy(e.Status == 0 ? $"{service} is unreachable." : $"{service} answered {e.Status} {e.ErrorCode}.", e);
        }
    }
}
