using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;

namespace Presale.Functions.Host.Health;

/// <summary>Healthy when the Table service answers an authenticated request (an in-process store is always reachable).</summary>
public sealed class TableStorageHealthCheck(ITableStore store, IOptions<StorageOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReachabilityCheck.ProbeAsync(store as IReachabilityProbe, TableStorageStore.ServiceName, options.Value, time, cancellationToken);
}
