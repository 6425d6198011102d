using Azure.Core;

namespace Presale.Adapters.Storage;

/// <summary>
/// Where a storage account is and how to sign requests to it: a shared key (from a connection string, Azurite
/// included) or an Entra ID token credential (managed identity). Built from the same settings the Azure SDK and the
/// Functions host accept: a connection string, or an account name / service URIs plus a credential.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The Azurite development account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite development account key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(string accountName, Uri tableEndpoint, Uri queueEndpoint, byte[]? key, TokenCredential? credential)
    {
        AccountName = accountName;
        TableEndpoint = WithoutTrailingSlash(tableEndpoint);
        QueueEndpoint = WithoutTrailingSlash(queueEndpoint);
        Key = key;
        Credential = credential;
    }

    /// <summary>The account name (part of every Shared Key signature).</summary>
    public string AccountName { get; }

    /// <summary>The Table service endpoint; for Azurite it includes the account path.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint; for Azurite it includes the account path.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The decoded account key, when requests are signed with Shared Key.</summary>
    internal byte[]? Key { get; }

    /// <summary>The Entra ID credential, when requests carry bearer tokens.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>True when requests are signed with the account key.</summary>
    public bool UsesSharedKey => Key is not null;

    /// <summary>
    /// Parses a storage connection string: <c>UseDevelopmentStorage=true</c> (Azurite on its default ports), or
    /// <c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, <c>EndpointSuffix</c> and optional
    /// <c>TableEndpoint</c>/<c>QueueEndpoint</c>.
    /// </summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = ConnectionStringParts.Parse(connectionString);
        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var host = parts.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? new Uri(proxy) : new Uri("http://127.0.0.1");
            return new StorageAccount(
                DevelopmentAccountName,
                new Uri($"{host.Scheme}://{host.Host}:10002/{DevelopmentAccountName}"),
                new Uri($"{host.Scheme}://{host.Host}:10001/{DevelopmentAccountName}"),
                Convert.FromBase64String(DevelopmentAccountKey),
                null);
        }

        var name = parts.GetValueOrDefault("AccountName")
            ?? throw new FormatException("The storage connection string has no AccountName.");
        var keyText = parts.GetValueOrDefault("AccountKey")
            ?? throw new FormatException("The storage connection string has no AccountKey (use an account name and a credential for Entra ID).");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException e)
        {
            throw new FormatException("The storage connection string's AccountKey is not base64.", e);
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        var table = parts.TryGetValue("TableEndpoint", out var t) ? new Uri(t) : new Uri($"{protocol}://{name}.table.{suffix}");
        var queue = parts.TryGetValue("QueueEndpoint", out var q) ? new Uri(q) : new Uri($"{protocol}://{name}.queue.{suffix}");
        return new StorageAccount(name, table, queue, key, null);
    }

    /// <summary>
    /// An account reached with Entra ID bearer tokens (managed identity, workload identity, developer sign-in).
    /// Endpoints default to the public cloud's <c>https://{accountName}.table.core.windows.net</c> and
    /// <c>https://{accountName}.queue.core.windows.net</c>.
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
        var firstLabel = serviceUri.Host.Split('.')[0];
        if (serviceUri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || serviceUri.IsLoopback)
        {
            var segment = serviceUri.AbsolutePath.Trim('/').Split('/')[0];
            return segment.Length > 0 ? segment : throw new FormatException($"Cannot tell the account name from {serviceUri}.");
        }

        return firstLabel;
    }

    private static Uri WithoutTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? new Uri(uri.AbsoluteUri.TrimEnd('/')) : uri;
}
