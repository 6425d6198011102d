using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Presale.Adapters.Messaging;
using Presale.Adapters.Queues;
using Presale.Adapters.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Functions.Catalog;
using Presale.Functions.Health;
using Presale.Functions.Hosting;
using Presale.Functions.Standalone;

namespace Presale.Functions.Composition;

/// <summary>Registers the storage and messaging adapters from configuration.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>How long a reachability check may take (retries included) before it reports unhealthy.</summary>
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest back-off or per-attempt timeout the storage settings accept.</summary>
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers <see cref="ITableStore"/> (Table Storage through Azure.Data.Tables), <see cref="IQueueReceiver"/> (storage queue, the
    /// local broker), <see cref="IMessagePublisher"/> (by <c>Presale:Messaging:Transport</c>), the table health check, the
    /// queue health check where storage queues carry messages, and a start-up step creating the tables in
    /// <c>Presale:Storage:Tables</c>. Options and connections are validated at start; errors name the setting to fix.
    /// Local defaults reach Azurite.
    /// </summary>
    public static IServiceCollection AddPresaleStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingletonTimeProvider();

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Connection), "Presale:Storage:Connection must name a connection setting (default AzureWebJobsStorage).")
            .Validate(o => o.MaxRetries is >= 0 and <= 20, "Presale:Storage:MaxRetries must be between 0 and 20.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.RetryDelay <= MaxBackOff, "Presale:Storage:RetryDelay must be more than 0 and at most 00:05:00.")
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay && o.MaxRetryDelay <= MaxBackOff, "Presale:Storage:MaxRetryDelay must be at least Presale:Storage:RetryDelay and at most 00:05:00.")
            .Validate(o => o.NetworkTimeout >= TimeSpan.FromSeconds(1) && o.NetworkTimeout <= MaxBackOff, "Presale:Storage:NetworkTimeout must be between 00:00:01 and 00:05:00.")
            .ValidateOnStart();
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Transport), "Presale:Messaging:Transport must be StorageQueue or ServiceBus.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceBusConnection), "Presale:Messaging:ServiceBusConnection must name a connection setting (default ServiceBusConnection).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>>(new ConnectionValidation(configuration));
        services.AddSingleton<IValidateOptions<MessagingOptions>>(sp => new TransportValidation(sp.GetService<HostingMode>(), sp.GetService<FunctionCatalog>()));

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return ConnectionResolver.ResolveStorage(options.Connection, Setting(configuration));
        });
        services.AddSingleton(sp => ClientOptions(sp));
        services.AddSingleton<TableStorageStore>(sp => new(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<StorageClientOptions>()));
        services.AddSingleton<ITableStore>(sp => sp.GetRequiredService<TableStorageStore>());
        services.AddSingleton<StorageQueueClient>(sp => new(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<StorageClientOptions>()));
        services.AddSingleton<IQueueReceiver>(sp => sp.GetRequiredService<StorageQueueClient>());
        services.AddSingleton<IMessagePublisher>(sp =>
        {
            var messaging = sp.GetRequiredService<IOptions<MessagingOptions>>().Value;
            IMessagePublisher publisher = messaging.Transport == MessagingTransport.ServiceBus
                ? new ServiceBusPublisher(ConnectionResolver.ResolveServiceBus(messaging.ServiceBusConnection, Setting(configuration)), sp.GetRequiredService<StorageClientOptions>())
                : sp.GetRequiredService<StorageQueueClient>();

            // Standalone delivery of the app's own queues starts receiving as soon as the app sends to them.
            return sp.GetService<QueueWake>() is { } wake ? new WakingMessagePublisher(publisher, wake, sp.GetRequiredService<TimeProvider>()) : publisher;
        });

        services.AddHostedService<TableCreationService>();
        services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("table", tags: ["storage"], timeout: HealthCheckTimeout);

        // The queue check only where storage queues carry messages. In Azure messages go through Service Bus and the
        // app holds no Queue data role, so listing queues would answer 403 and turn /api/health unhealthy. Service Bus
        // itself has no check: its REST API offers Data Sender/Receiver no side-effect-free call (a peek-lock locks a
        // real message and spends one of its deliveries; reading the queue entity needs Manage rights), and the
        // Functions host already reports its Service Bus listeners.
        services.AddOptions<HealthCheckServiceOptions>().Configure<IServiceProvider>((health, sp) =>
        {
            if (UsesStorageQueues(sp))
            {
                health.Registrations.Add(new HealthCheckRegistration(
                    "queue", ActivatorUtilities.GetServiceOrCreateInstance<QueueStorageHealthCheck>, failureStatus: null, tags: ["storage"], timeout: HealthCheckTimeout));
            }
        });
        return services;
    }

    /// <summary>
    /// True when this process sends or receives through storage queues: the storage-queue transport publishes there,
    /// and standalone mode's queue pump receives from there.
    /// </summary>
    internal static bool UsesStorageQueues(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<MessagingOptions>>().Value.Transport == MessagingTransport.StorageQueue)
        {
            return true;
        }

        return services.GetService<HostingMode>() is { } mode
            && services.GetService<FunctionCatalog>() is { } catalog
            && QueueDeliveryPump.IsActive(mode, services.GetRequiredService<IOptions<FunctionsHostOptions>>().Value, catalog);
    }

    /// <summary>Reads a setting by its configuration key (<c>name:sub</c>; environment variables spell it <c>name__sub</c>).</summary>
    private static Func<string, string?> Setting(IConfiguration configuration) => key => configuration[key];

    private static StorageClientOptions ClientOptions(IServiceProvider services)
    {
        // The SAS expiry of the Service Bus publisher and a queue message's scheduled delay use the real clock, never
        // the app's (which Presale:Clock:Offset may shift in standalone mode): a shifted expiry would be refused.
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value.ToClientOptions();
        options.TimeProvider = TimeProvider.System;
        return options;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Resolves both connections at start so a missing or malformed setting stops the app with its name.</summary>
    private sealed class ConnectionValidation(IConfiguration configuration) : IValidateOptions<MessagingOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagingOptions options)
        {
            var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            var failures = new List<string>();
            try
            {
                _ = ConnectionResolver.ResolveStorage(storage.Connection, Setting(configuration), _ => NoCredential.Instance);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                failures.Add($"Presale:Storage:Connection ('{storage.Connection}'): {e.Message}");
            }

            if (options.Transport == MessagingTransport.ServiceBus)
            {
                try
                {
                    _ = ConnectionResolver.ResolveServiceBus(options.ServiceBusConnection, Setting(configuration), _ => NoCredential.Instance);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException)
                {
                    failures.Add($"Presale:Messaging:ServiceBusConnection ('{options.ServiceBusConnection}'): {e.Message}");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    /// <summary>
    /// Under the Functions host, <c>serviceBusTrigger</c> functions are triggered from Service Bus; a transport other than
    /// Service Bus would publish their messages where nothing reads them, so the start fails naming the setting.
    /// </summary>
    private sealed class TransportValidation(HostingMode? mode, FunctionCatalog? catalog) : IValidateOptions<MessagingOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagingOptions options)
        {
            if (mode is not { HostSignalled: true } || catalog is null || options.Transport == MessagingTransport.ServiceBus)
            {
                return ValidateOptionsResult.Success;
            }

            var listeners = catalog.OfKind(TriggerKind.ServiceBus).Where(d => !d.Disabled).Select(d => $"{d.Name} (queue '{d.QueueName}')").ToArray();
            return listeners.Length == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{MessagingOptions.SectionName}:{nameof(MessagingOptions.Transport)} is {options.Transport}, but under the Functions host " +
                    $"{string.Join(", ", listeners)} are triggered from Service Bus: their messages would go to storage queues nothing reads. " +
                    $"Set Presale__Messaging__Transport=ServiceBus (with {options.ServiceBusConnection}__fullyQualifiedNamespace).");
        }
    }

    /// <summary>A credential used only while validating settings: resolving must not create real identity clients.</summary>
    private sealed class NoCredential : Azure.Core.TokenCredential
    {
        public static readonly NoCredential Instance = new();

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation only.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation only.");
    }

    /// <summary>Creates the tables of <c>Presale:Storage:Tables</c> before the app takes traffic (idempotent).</summary>
    private sealed class TableCreationService(ITableStore store, IOptions<StorageOptions> options, ILogger<TableCreationService> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var table in options.Value.Tables.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await store.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Table {Table} is ready", table);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
