using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Adapters.Webhooks;
using Presale.Application.Notifications;
using Presale.Application.Storage;
using Presale.Domain.Notifications;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// Registers customer notifications (<c>Presale:Notifications</c>, validated at start): the composer of every
/// notice, the feed, delivery records, the webhook client, <c>DeliverNotification</c>'s handler and the dead-letter
/// retry. The storage port and the clock come from the host; the retry publishes through the orders' outbox.
/// </summary>
public static class NotificationsRegistration
{
    /// <summary>The name of the webhook's <see cref="HttpClient"/> (no redirects; the client enforces its own timeout).</summary>
    public const string WebhookHttpClientName = "Presale.Notifications.Webhook";

    /// <summary>Adds the notifications feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        services.AddSingleton(new NotificationComposer());
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
        services.TryAddTransient(sp => ActivatorUtilities.CreateInstance<DeadLetterRetryHandler>(sp));
        return builder;
    }

    /// <summary>The process-wide jitter source, wrapped so it is not mistaken for a general-purpose <see cref="System.Random"/> registration.</summary>
    internal sealed record JitterRandom(Random Random);
}
