namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The integration-event port: publishes one event to the shop's event topic (Service Bus in Azure). A publish that
/// throws may or may not have reached the topic: callers leave the event in its outbox and publish it again later
/// under the same <see cref="IntegrationEvent.Key"/>, which the topic's duplicate detection and the consumers drop.
/// </summary>
public interface IIntegrationEventPublisher
{
    /// <summary>Publishes <paramref name="integrationEvent"/>; returns once the broker accepted it.</summary>
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default);
}
