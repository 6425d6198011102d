using Microsoft.Extensions.Logging;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The <see cref="IIntegrationEventPublisher"/> while integration events are off (<c>Presale:Events:Topic</c> unset).
/// Producers write no event then; an event row left in an outbox from when events were on is dropped with a warning,
/// so its outbox does not retry it forever.
/// </summary>
public sealed partial class IntegrationEventsOff(ILogger<IntegrationEventsOff> logger) : IIntegrationEventPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        LogDropped(logger, integrationEvent.Type, integrationEvent.Key);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integration events are off (Presale:Events:Topic is unset): {Type} event {Key}, written while they were on, is dropped.")]
    private static partial void LogDropped(ILogger logger, string type, string key);
}
