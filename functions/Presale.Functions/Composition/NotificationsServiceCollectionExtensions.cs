using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Adapters.Webhooks;
using Presale.Application.Notifications;
using Presale.Application.Storage;

namespace Presale.Functions.Composition;

/// <summary>Registers customer notifications: options, feed, delivery records, the webhook client and <c>DeliverNotification</c>.</summary>
public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The name of the webhook's <see cref="HttpClient"/> (no redirects; the client enforces its own timeout).</summary>
    public const string WebhookHttpClientName = "Presale.Notifications.Webhook";

    /// <summary>
    /// Adds notifications bound to <c>Presale:Notifications</c>, validated at start. Needs an <see cref="ITableStore"/>
    /// (the storage registration) and a <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    public static IServiceCollection AddPresaleNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(NotificationsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        services.TryAddSingleton(sp => new NotificationFeed(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<NotificationsOptions>()));
        services.TryAddSingleton(sp => new NotificationDeliveryStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<NotificationsOptions>()));

        services.AddHttpClient(WebhookHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        services.TryAddTransient<INotificationWebhook>(sp => new NotificationWebhookClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttpClientName),
            sp.GetRequiredService<NotificationsOptions>(),
            sp.GetRequiredService<TimeProvider>()));

        // Jitter only: seeded once from the OS so instances do not retry in step.
        services.TryAddSingleton(new JitterRandom(new Random(RandomNumberGenerator.GetInt32(int.MaxValue))));
        services.TryAddTransient(sp => new NotificationDeliveryHandler(
            sp.GetRequiredService<NotificationFeed>(),
            sp.GetRequiredService<NotificationDeliveryStore>(),
            sp.GetRequiredService<INotificationWebhook>(),
            sp.GetRequiredService<NotificationsOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<JitterRandom>().Random));

        // Re-queueing a dead letter goes through the orders outbox (AddPresaleOrders registers it).
        services.TryAddTransient(sp => ActivatorUtilities.CreateInstance<DeadLetterRetryHandler>(sp));

        return services;
    }


    /// <summary>The process-wide jitter source, wrapped so it is not mistaken for a general-purpose <see cref="System.Random"/> registration.</summary>
    internal sealed record JitterRandom(Random Random);
}
