using Microsoft.Extensions.Options;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Functions.Host.Health;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Host.Storage;

/// <summary>Registers the storage and messaging adapters from configuration.</summary>
public static class StorageRegistration
{
    /// <summary>How long a reachability check may take (retries included) before it reports unhealthy.</summary>

    /// <summary>The longest back-off or per-attempt timeout the storage settings accept.</summary>
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers <see cref="ITableStore"/> (Table Storage through Azure.Data.Tables), <see cref="IQueueReceiver"/> and
    /// <see cref="IMessagePublisher"/> (storage queues, which carry every queue message), the table and queue health
    /// checks, and a start-up step creating the tables in
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
            .Validate(o => o.RequestBudget >= TimeSpan.FromSeconds(1) && o.RequestBudget <= TimeSpan.FromMinutes(2), "Presale:Storage:RequestBudget must be between 00:00:01 and 00:02:00.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new ConnectionValidation(configuration));

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
            IMessagePublisher publisher = sp.GetRequiredService<StorageQueueClient>();

            // Standalone delivery of the app's own queues starts receiving as soon as the app sends to them.
            return sp.GetService<QueueWake>() is { } wake ? new WakingMessagePublisher(publisher, wake, sp.GetRequiredService<TimeProvider>()) : publisher;
        });

        services.AddHostedService<TableCreationService>();
        services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("table", tags: ["storage"])
            .AddCheck<QueueStorageHealthCheck>("queue", tags: ["storage"]);
        return services;
    }

    /// <summary>Reads a setting by its configuration key (<c>name:sub</c>; environment variables spell it <c>name__sub</c>).</summary>
    private static Func<string, string?> Setting(IConfiguration configuration) => key => configuration[key];

    private static StorageClientOptions ClientOptions(IServiceProvider services)
    {
        // A queue message's scheduled delay uses the real clock, never the app's (which Presale:Clock:Offset may shift
        // in standalone mode).
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

    /// <summary>Resolves the storage connection at start so a missing or malformed setting stops the app with its name.</summary>
    private sealed class ConnectionValidation(IConfiguration configuration) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.Connection))
            {
                return ValidateOptionsResult.Success; // reported by the Connection rule above
            }

            try
            {
                _ = ConnectionResolver.ResolveStorage(options.Connection, Setting(configuration), _ => NoCredential.Instance);
                return ValidateOptionsResult.Success;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                return ValidateOptionsResult.Fail($"Presale:Storage:Connection ('{options.Connection}'): {e.Message}");
            }
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
