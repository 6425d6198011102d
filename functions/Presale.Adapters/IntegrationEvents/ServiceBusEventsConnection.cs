using Azure.Core;
using Azure.Messaging.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>
/// The Service Bus connection integration events go through, read from settings as the Functions host reads a named
/// connection: the name itself holds a connection string (<c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…</c>),
/// or <c>{name}__fullyQualifiedNamespace</c> names the namespace for Entra ID (<c>{name}__credential=managedidentity</c>,
/// <c>{name}__clientId</c> for a user-assigned identity; otherwise DefaultAzureCredential). A connection string wins
/// when both are set, as in the Functions host. Resolving checks the settings only; <see cref="CreateClient"/> builds
/// the client (and the credential) when the first event is sent.
/// </summary>
public sealed class ServiceBusEventsConnection
{
    private readonly IntegrationEventsOptions _options;
    private readonly Func<string, string?> _setting;
    private readonly string? _connectionString;

    private ServiceBusEventsConnection(IntegrationEventsOptions options, Func<string, string?> setting, string? connectionString, string fullyQualifiedNamespace)
    {
        _options = options;
        _setting = setting;
        _connectionString = connectionString;
        FullyQualifiedNamespace = fullyQualifiedNamespace;
    }

    /// <summary>The namespace host, e.g. <c>sb-presale.servicebus.windows.net</c>.</summary>
    public string FullyQualifiedNamespace { get; }

    /// <summary>True when a connection string (shared access key or signature) is used rather than Entra ID.</summary>
    public bool UsesConnectionString => _connectionString is not null;

    /// <summary>
    /// Reads connection <see cref="IntegrationEventsOptions.Connection"/> through <paramref name="setting"/> (configuration keys,
    /// <c>name:sub</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither form is set, or <c>__credential</c> names an unsupported kind; the message names the setting.</exception>
    /// <exception cref="FormatException">The connection string or namespace is malformed; the message names the setting.</exception>
    public static ServiceBusEventsConnection Resolve(IntegrationEventsOptions options, Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(setting);
        var name = options.Connection;
        if (setting(name) is { } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            ServiceBusConnectionStringProperties parsed;
            try
            {
                parsed = ServiceBusConnectionStringProperties.Parse(connectionString);
            }
            catch (FormatException error)
            {
                throw new FormatException($"Setting '{name}' is not a Service Bus connection string: {error.Message}", error);
            }

            if (string.IsNullOrEmpty(parsed.FullyQualifiedNamespace))
            {
                throw new FormatException($"Setting '{name}' is not a Service Bus connection string: it names no Endpoint.");
            }

            if (parsed.SharedAccessSignature is null && (parsed.SharedAccessKeyName is null || parsed.SharedAccessKey is null))
            {
                throw new FormatException($"Setting '{name}' is not a Service Bus connection string: it has neither SharedAccessKeyName with SharedAccessKey nor SharedAccessSignature.");
            }

            return new ServiceBusEventsConnection(options, setting, connectionString, parsed.FullyQualifiedNamespace);
        }

        var fullyQualifiedNamespace = setting(name + ":fullyQualifiedNamespace");
        if (string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                $"Service Bus connection '{name}' is not configured: set '{name}' to a connection string or '{name}__fullyQualifiedNamespace' to <namespace>.servicebus.windows.net.");
        }

        var host = fullyQualifiedNamespace.Trim().TrimEnd('/');
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw new FormatException($"Setting '{name}__fullyQualifiedNamespace' is '{fullyQualifiedNamespace}', not a host name such as <namespace>.servicebus.windows.net.");
        }

        ConnectionResolver.EnsureCredentialKind(name, setting);
        return new ServiceBusEventsConnection(options, setting, null, host);
    }

    /// <summary>The client options: AMQP over TCP (or WebSockets) and the retry policy of the options, all explicit.</summary>
    public static ServiceBusClientOptions ClientOptions(IntegrationEventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ServiceBusClientOptions
        {
            TransportType = options.UseWebSockets ? ServiceBusTransportType.AmqpWebSockets : ServiceBusTransportType.AmqpTcp,
            Identifier = "presale-events",
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                TryTimeout = options.TryTimeout,
            },
        };
    }

    /// <summary>
    /// Creates the client: from the connection string, or for the namespace with the Entra ID credential
    /// <paramref name="credential"/> makes from the connection's name and settings (default
    /// <see cref="ConnectionResolver.CreateCredential"/>: managed identity or DefaultAzureCredential).
    /// </summary>
    public ServiceBusClient CreateClient(Func<string, Func<string, string?>, TokenCredential>? credential = null)
    {
        var options = ClientOptions(_options);
        return _connectionString is not null
            ? new ServiceBusClient(_connectionString, options)
            : new ServiceBusClient(FullyQualifiedNamespace, (credential ?? ConnectionResolver.CreateCredential)(_options.Connection, _setting), options);
    }
}
