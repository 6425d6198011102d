namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>order.confirmed</c> (schema <c>docs/events/order.confirmed.v1.schema.json</c>).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="PromisedDate">The date promised for the whole order (its latest line), shop-local.</param>
public sealed record OrderConfirmedData(string OrderId, string CustomerId, DateOnly PromisedDate);
