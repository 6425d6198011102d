using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Storage;

/// <summary>
/// Azure.Core pipeline options for the storage and messaging adapters: exponential retries with jitter that honour
/// <c>Retry-After</c> (on 408, 429, 500, 502, 503, 504 and transport errors), logging and distributed tracing.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Options with Presale's retry defaults: 5 retries, exponential from 0.5 s up to 30 s, 100 s network timeout.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.ApplicationId = "Presale";
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextPartitionKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextRowKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-popreceipt");
    }

    /// <summary>The clock used for request dates and signatures.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Extra per-retry policies (for example a <see cref="Diagnostics.StorageTransactionCounter"/> policy).</summary>
    public IList<HttpPipelinePolicy> AdditionalPerRetryPolicies { get; } = [];
}
