namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>return.received</c> (schema <c>docs/events/return.received.v1.schema.json</c>).</summary>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order it returns from.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Units">The units this receipt recorded (each unit is received once).</param>
public sealed record ReturnReceivedData(string ReturnId, string OrderId, string CustomerId, IReadOnlyList<ReturnedUnitData> Units);
