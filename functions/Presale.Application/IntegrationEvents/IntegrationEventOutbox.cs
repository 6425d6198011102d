using Presale.Application.Outbox;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// An integration event as a row of an outbox that holds <see cref="OutboxMessage"/> rows (the supplier outbox): message
/// id = the event's key, subject = its type, body = the stored event (<see cref="IntegrationEvent.ToStored"/>). The
/// outbox's publisher tells such a row by its subject (<see cref="Carries"/>) and sends it to the topic instead of a queue.
/// </summary>
public static class IntegrationEventOutbox
{
    /// <summary>
    /// The destination of an event row in the orders outbox, which also holds notices and reconcile messages whose
    /// subjects share names with event types (<c>order.confirmed</c>): there a row is an event only when it names the
    /// topic (<see cref="ToTopic"/>), never by its subject. Not a valid queue name, so no queue message can carry it.
    /// </summary>
    public const string Topic = "$events";

    /// <summary>The outbox message holding <paramref name="integrationEvent"/>.</summary>
    public static OutboxMessage Message(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return new OutboxMessage(integrationEvent.Key, integrationEvent.Type, integrationEvent.ToStored(), integrationEvent.CorrelationId, integrationEvent.OccurredAt);
    }

    /// <summary>The orders-outbox message holding <paramref name="integrationEvent"/>: addressed to <see cref="Topic"/>.</summary>
    public static OutboxMessage ToTopic(IntegrationEvent integrationEvent) => Message(integrationEvent) with { Queue = Topic };

    /// <summary>True when <paramref name="message"/> holds an integration event.</summary>
    public static bool Carries(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IntegrationEventTypes.All.Contains(message.Subject, StringComparer.Ordinal);
    }

    /// <summary>The event <paramref name="message"/> holds.</summary>
    /// <exception cref="FormatException">The body is not a stored event.</exception>
    public static IntegrationEvent Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IntegrationEvent.FromStored(message.Body);
    }
}
