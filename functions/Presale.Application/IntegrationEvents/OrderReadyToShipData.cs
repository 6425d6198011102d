namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>order.ready-to-ship</c> (schema <c>docs/events/order.ready-to-ship.v1.schema.json</c>).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ReadyDate">The shop-local date it became ready to ship.</param>
public sealed record OrderReadyToShipData(string OrderId, string CustomerId, DateOnly ReadyDate);
