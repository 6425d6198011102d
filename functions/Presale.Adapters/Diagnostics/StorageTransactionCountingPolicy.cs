using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Diagnostics;

/// <summary>
/// An Azure.Core per-retry policy that counts every request attempt the storage adapters send (each one is a billed
/// storage transaction). Add it through <see cref="Storage.StorageClientOptions.AdditionalPerRetryPolicies"/>.
/// </summary>
public sealed class StorageTransactionCountingPolicy(StorageTransactionCounter counter) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => counter.Increment();
}
