namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>order.delayed</c> (schema <c>docs/events/order.delayed.v1.schema.json</c>).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="DelayNumber">1 for the first delay notice of the order, 2 for the second, …</param>
/// <param name="PromisedDate">The promise this delay replaces, shop-local.</param>
/// <param name="RevisedDate">The new date, shop-local.</param>
/// <param name="RightToCancel">True when the customer was offered cancellation with a full refund.</param>
/// <param name="ConsentRequired">True when the order is cancelled and refunded unless the customer accepts by <paramref name="ConsentDeadline"/>.</param>
/// <param name="ConsentDeadline">When consent is required: the instant the order is cancelled without it.</param>
public sealed record OrderDelayedData(
    string OrderId,
    string CustomerId,
    int DelayNumber,
    DateOnly PromisedDate,
    DateOnly RevisedDate,
    bool RightToCancel,
    bool ConsentRequired,
    DateTimeOffset? ConsentDeadline);
