using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Application.Notifications;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>Registers integration events: the one place the app's composition turns them on.</summary>
public static class IntegrationEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IntegrationEventsOptions"/> (section <c>Presale:Events</c>, checked at start; with a topic the
    /// Service Bus connection is resolved at start too, so a missing setting stops the app naming it), the
    /// <see cref="IIntegrationEventPublisher"/> (<see cref="ServiceBusEventPublisher"/> with a topic, else
    /// <see cref="IntegrationEventsOff"/>), <see cref="LotAtRiskEvents"/>, and wraps the app's
    /// <see cref="IMessagePublisher"/> in <see cref="NotificationEventRelay"/> so every customer notification leaving an
    /// outbox also publishes its event. Call it after the <see cref="IMessagePublisher"/> is registered; it needs the
    /// <see cref="NotificationsOptions"/> instance and the table store the rest of the app registers.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="IMessagePublisher"/> is registered yet.</exception>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IMessagePublisher) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddIntegrationEvents wraps the app's IMessagePublisher: register it first.");

        services.AddOptions<IntegrationEventsOptions>().Bind(configuration.GetSection(IntegrationEventsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntegrationEventsOptions>>(new IntegrationEventsOptionsValidator(key => configuration[key]));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IntegrationEventsOptions>>().Value);
        services.AddSingleton<IIntegrationEventPublisher>(sp =>
        {
            var options = sp.GetRequiredService<IntegrationEventsOptions>();
            if (!options.Enabled)
            {
                return new IntegrationEventsOff(sp.GetRequiredService<ILogger<IntegrationEventsOff>>());
            }

            var connection = ServiceBusEventsConnection.Resolve(options, key => configuration[key]);
            return new ServiceBusEventPublisher(() => connection.CreateClient(), options.Topic!, options.BreakDuration, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        services.AddSingleton<LotAtRiskEvents>();

        services.Remove(inner);
        services.AddSingleton<IMessagePublisher>(sp => new NotificationEventRelay(
            Create(sp, inner),
            sp.GetRequiredService<IIntegrationEventPublisher>(),
            sp.GetRequiredService<NotificationsOptions>(),
            sp.GetRequiredService<IntegrationEventsOptions>(),
            sp.GetRequiredService<ILogger<NotificationEventRelay>>()));
        return services;
    }

    private static IMessagePublisher Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IMessagePublisher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
