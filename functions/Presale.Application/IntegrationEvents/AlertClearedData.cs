using Presale.Domain.Alerts;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>alert.cleared</c> (schema <c>docs/events/alert.cleared.v1.schema.json</c>).</summary>
/// <param name="Key">The alert's key.</param>
/// <param name="Kind">What it was about.</param>
/// <param name="Subject">What it concerned.</param>
/// <param name="Resolution">Why it was cleared (<c>acknowledged</c>, <c>lot gone</c>, …).</param>
/// <param name="RaisedAt">When it was raised (with the key, it names the alert: a raise after a clear is a new one).</param>
/// <param name="ClearedAt">When it was cleared.</param>
public sealed record AlertClearedData(string Key, AlertKind Kind, string Subject, string Resolution, DateTimeOffset RaisedAt, DateTimeOffset ClearedAt);
