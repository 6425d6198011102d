using Azure.Core;
using Presale.Adapters.Storage;

namespace Presale.Adapters.ServiceBus;

/// <summary>
/// Where a Service Bus namespace is and how to authorise sends: a shared access key (connection string) or an Entra ID
/// credential (managed identity, with <c>{connection}__fullyQualifiedNamespace</c>).
/// </summary>
public sealed class ServiceBusNamespace
{
    private ServiceBusNamespace(Uri endpoint, string? keyName, string? key, TokenCredential? credential)
    {
        Endpoint = endpoint;
        KeyName = keyName;
        Key = key;
        Credential = credential;
    }

    /// <summary>The namespace's HTTPS endpoint (<c>https://{ns}.servicebus.windows.net/</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The shared access policy name, when SAS is used.</summary>
    public string? KeyName { get; }

    /// <summary>The shared access key, when SAS is used.</summary>
    internal string? Key { get; }

    /// <summary>The Entra ID credential, when bearer tokens are used.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>
    /// Parses <c>Endpoint=sb://{ns}.servicebus.windows.net/;SharedAccessKeyName=...;SharedAccessKey=...</c>. The
    /// <c>sb</c> scheme becomes <c>https</c>; <c>http</c>/<c>https</c> endpoints are kept, and
    /// <c>UseDevelopmentEmulator=true</c> selects plain HTTP.
    /// </summary>
    public static ServiceBusNamespace FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = ConnectionStringParts.Parse(connectionString);
        var endpoint = parts.GetValueOrDefault("Endpoint") ?? throw new FormatException("The Service Bus connection string has no Endpoint.");
        var keyName = parts.GetValueOrDefault("SharedAccessKeyName") ?? throw new FormatException("The Service Bus connection string has no SharedAccessKeyName.");
        var key = parts.GetValueOrDefault("SharedAccessKey") ?? throw new FormatException("The Service Bus connection string has no SharedAccessKey.");
        var uri = new Uri(endpoint);
        var emulator = parts.TryGetValue("UseDevelopmentEmulator", out var e) && bool.TryParse(e, out var useEmulator) && useEmulator;
        var scheme = uri.Scheme is "http" or "https" ? uri.Scheme : emulator ? "http" : "https";
        var builder = new UriBuilder(uri) { Scheme = scheme, Port = uri.IsDefaultPort || uri.Scheme == "sb" ? -1 : uri.Port, Path = "/" };
        return new ServiceBusNamespace(builder.Uri, keyName, key, null);
    }

    /// <summary>A namespace reached with Entra ID tokens; <paramref name="fullyQualifiedNamespace"/> is <c>{ns}.servicebus.windows.net</c>.</summary>
    public static ServiceBusNamespace FromCredential(string fullyQualifiedNamespace, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        var host = fullyQualifiedNamespace.Contains("://", StringComparison.Ordinal) ? new Uri(fullyQualifiedNamespace).Host : fullyQualifiedNamespace.TrimEnd('/');
        return new ServiceBusNamespace(new Uri($"https://{host}/"), null, null, credential);
    }
}
