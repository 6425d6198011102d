using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Storage;

/// <summary>Builds the Azure.Core pipeline for one storage service: date/version stamping, then signing, on every attempt.</summary>
internal static class StoragePipeline
{
    /// <summary>The Entra ID scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageAccount account, StorageClientOptions options, string version, bool sharedKeyLite)
    {
        var perRetry = new List<HttpPipelinePolicy> { new StorageDatePolicy(options.TimeProvider, version) };
        perRetry.AddRange(options.AdditionalPerRetryPolicies);
        if (account.Key is { } key)
        {
            perRetry.Add(sharedKeyLite ? new SharedKeyLitePolicy(account.AccountName, key) : new SharedKeyPolicy(account.AccountName, key));
        }
        else if (account.Credential is { } credential)
        {
            perRetry.Add(new BearerTokenAuthenticationPolicy(credential, StorageScope));
        }
        else
        {
            throw new InvalidOperationException("A storage account needs a key or a credential.");
        }

        return HttpPipelineBuilder.Build(options, [], [.. perRetry], new ResponseClassifier());
    }
}
