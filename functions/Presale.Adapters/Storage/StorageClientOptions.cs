using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Storage;

/// <summary>
/// Azure.Core client options shared by the storage adapters (copied onto the SDK's <c>TableClientOptions</c> and
/// <c>QueueClientOptions</c>) and the Service Bus REST publisher: exponential retries with jitter that honour
/// <c>Retry-After</c> (on 408, 429, 500, 502, 503, 504 and transport errors), a per-attempt network timeout, logging of
/// the storage request ids and error codes, distributed tracing, and extra per-retry policies.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Options with Presale's defaults (<see cref="StorageOptions"/>): 5 retries, exponential from 0.5 s up to 30 s, 30 s per attempt.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = StorageOptions.DefaultMaxRetries;
        Retry.Delay = StorageOptions.DefaultRetryDelay;
        Retry.MaxDelay = StorageOptions.DefaultMaxRetryDelay;
        Retry.NetworkTimeout = StorageOptions.DefaultNetworkTimeout;
        Diagnostics.ApplicationId = "Presale";
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextPartitionKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextRowKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-popreceipt");
    }

    /// <summary>
    /// The clock of the Service Bus publisher's SAS expiry and of a storage queue message's scheduled delay. The storage
    /// SDKs date their requests with the system clock themselves.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Extra per-retry policies, run on every attempt (for example a <see cref="Diagnostics.StorageTransactionCountingPolicy"/>,
    /// which counts what Azure bills: every attempt, retries included).
    /// </summary>
    public IList<HttpPipelinePolicy> AdditionalPerRetryPolicies { get; } = [];

    /// <summary>Copies the retry, network timeout, diagnostics, transport and per-retry policies onto an SDK client's options.</summary>
    internal T Apply<T>(T target)
        where T : ClientOptions
    {
        target.Retry.Mode = Retry.Mode;
        target.Retry.MaxRetries = Retry.MaxRetries;
        target.Retry.Delay = Retry.Delay;
        target.Retry.MaxDelay = Retry.MaxDelay;
        target.Retry.NetworkTimeout = Retry.NetworkTimeout;
        target.Transport = Transport;
        target.Diagnostics.ApplicationId = Diagnostics.ApplicationId;
        target.Diagnostics.IsLoggingEnabled = Diagnostics.IsLoggingEnabled;
        target.Diagnostics.IsDistributedTracingEnabled = Diagnostics.IsDistributedTracingEnabled;
        foreach (var header in Diagnostics.LoggedHeaderNames.Except(target.Diagnostics.LoggedHeaderNames, StringComparer.OrdinalIgnoreCase).ToList())
        {
            target.Diagnostics.LoggedHeaderNames.Add(header);
        }

        foreach (var policy in AdditionalPerRetryPolicies)
        {
            target.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return target;
    }
}
