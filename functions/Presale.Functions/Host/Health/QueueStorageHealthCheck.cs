using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;

namespace Presale.Functions.Host.Health;

/// <summary>Healthy when the Queue service of the local broker answers an authenticated request.</summary>
public sealed class QueueStorageHealthCheck(IQueueReceiver receiver, IOptions<StorageOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReachabilityCheck.ProbeAsync(receiver as IReachabilityProbe, StorageQueueClient.ServiceName, options.Value, time, cancellationToken);
}
