using System.Text.Json;
using Presale.Domain.Alerts;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The events of operator alerts, written to the alerts table's outbox in the transaction that raises or clears the
/// alert: <c>alert.raised</c> and <c>alert.cleared</c>. Both name the alert by its key and the instant it was raised, so
/// an alert raised again after a clear is a new fact. Routing: <c>alertKind</c> and the alert's own properties
/// (<c>supplierId</c>, <c>purchaseOrderId</c> or <c>lotId</c> and <c>sku</c>).
/// </summary>
public static class AlertEvents
{
    /// <summary>The event of an alert raised; key <c>alert-raised:{key}:{raised ticks}</c>.</summary>
    public static IntegrationEvent Raised(AlertRaisedData data, IReadOnlyDictionary<string, string> routing)
    {
        ArgumentNullException.ThrowIfNull(data);
        return IntegrationEvent.Create(
            IntegrationEventTypes.AlertRaised,
            IntegrationEventKey.Of("alert-raised", data.Key, IntegrationEventKey.Ticks(data.RaisedAt)),
            data.RaisedAt,
            data.Key,
            data,
            Properties(data.Kind, routing));
    }

    /// <summary>The event of an alert cleared; key <c>alert-cleared:{key}:{raised ticks}</c>.</summary>
    public static IntegrationEvent Cleared(AlertClearedData data, IReadOnlyDictionary<string, string> routing)
    {
        ArgumentNullException.ThrowIfNull(data);
        return IntegrationEvent.Create(
            IntegrationEventTypes.AlertCleared,
            IntegrationEventKey.Of("alert-cleared", data.Key, IntegrationEventKey.Ticks(data.RaisedAt)),
            data.ClearedAt,
            data.Key,
            data,
            Properties(data.Kind, routing));
    }

    private static Dictionary<string, object> Properties(AlertKind kind, IReadOnlyDictionary<string, string> routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        var properties = routing.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
        properties[IntegrationEventProperties.AlertKind] = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        return properties;
    }
}
