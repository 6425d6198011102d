using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Presale.Adapters.Storage;

/// <summary>
/// Where a storage account is and how the Azure SDK clients authenticate to it: a connection string
/// (<c>UseDevelopmentStorage=true</c>, an account key or a SAS, parsed by the SDK itself) or an Entra ID token credential
/// (managed identity) with the service endpoints. Built from the same settings the Azure SDK and the Functions host
/// accept; creates the <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/> the adapters use.
/// </summary>
public sealed class StorageAccount
{
    private readonly string? _connectionString;

    private StorageAccount(string accountName, Uri tableEndpoint, Uri queueEndpoint, string? connectionString, TokenCredential? credential)
    {
        AccountName = accountName;
        TableEndpoint = WithoutQueryOrTrailingSlash(tableEndpoint);
        QueueEndpoint = WithoutQueryOrTrailingSlash(queueEndpoint);
        _connectionString = connectionString;
        Credential = credential;
    }

    /// <summary>The account name.</summary>
    public string AccountName { get; }

    /// <summary>The Table service endpoint; for Azurite it includes the account path.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint; for Azurite it includes the account path.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The Entra ID credential, when requests carry bearer tokens; null for a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>True when the clients authenticate with what a connection string holds (account key or SAS).</summary>
    public bool UsesConnectionString => _connectionString is not null;

    /// <summary>
    /// A connection string as the Azure SDK reads it: <c>UseDevelopmentStorage=true</c> (Azurite on its default ports),
    /// <c>DefaultEndpointsProtocol</c>/<c>AccountName</c>/<c>AccountKey</c>/<c>EndpointSuffix</c> with optional
    /// <c>TableEndpoint</c>/<c>QueueEndpoint</c>, or service endpoints with a <c>SharedAccessSignature</c>.
    /// Throws <see cref="FormatException"/> when the SDK cannot read it.
    /// </summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        TableServiceClient tables;
        QueueServiceClient queues;
        try
        {
            tables = new TableServiceClient(connectionString);
            queues = new QueueServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's parsers throw these three for text they cannot read; one type lets callers name the setting.
            throw new FormatException(e.Message, e);
        }

        return new StorageAccount(tables.AccountName, tables.Uri, queues.Uri, connectionString, null);
    }

    /// <summary>
    /// An account reached with Entra ID bearer tokens (managed identity, workload identity, developer sign-in).
    /// Endpoints default to the public cloud's <c>https://{accountName}.table.core.windows.net</c> and
    /// <c>https://{accountName}.queue.core.windows.net</c>; sovereign clouds set the service URIs.
    /// </summary>
    public static StorageAccount FromCredential(string accountName, TokenCredential credential, Uri? tableEndpoint = null, Uri? queueEndpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(
            accountName,
            tableEndpoint ?? new Uri($"https://{accountName}.table.core.windows.net"),
            queueEndpoint ?? new Uri($"https://{accountName}.queue.core.windows.net"),
            null,
            credential);
    }

    /// <summary>The account name taken from a service URI's host (<c>{account}.table.core.windows.net</c>) or, for a path-style URI (Azurite), its first path segment.</summary>
    public static string AccountNameFromServiceUri(Uri serviceUri)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        if (serviceUri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || serviceUri.IsLoopback)
        {
            var segment = serviceUri.AbsolutePath.Trim('/').Split('/')[0];
            return segment.Length > 0 ? segment : throw new FormatException($"Cannot tell the account name from {serviceUri}.");
        }

        return serviceUri.Host.Split('.')[0];
    }

    /// <summary>The Table service client with <paramref name="options"/> applied.</summary>
    internal TableServiceClient CreateTableServiceClient(StorageClientOptions options)
    {
        var clientOptions = options.Apply(new TableClientOptions());
        return _connectionString is not null
            ? new TableServiceClient(_connectionString, clientOptions)
            : new TableServiceClient(TableEndpoint, Credential!, clientOptions);
    }

    /// <summary>The Queue service client with <paramref name="options"/> applied and <paramref name="encoding"/> for message text.</summary>
    internal QueueServiceClient CreateQueueServiceClient(StorageClientOptions options, QueueMessageEncoding encoding)
    {
        var clientOptions = options.Apply(new QueueClientOptions { MessageEncoding = encoding });
        return _connectionString is not null
            ? new QueueServiceClient(_connectionString, clientOptions)
            : new QueueServiceClient(QueueEndpoint, Credential!, clientOptions);
    }

    private static Uri WithoutQueryOrTrailingSlash(Uri uri) =>
        new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
