namespace Presale.Application.DelayConsent;

/// <summary>The facts about an order whose promise slipped that the delay-consent flow needs.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer, who receives the delay notice.</param>
/// <param name="OriginalPromise">The delivery date promised at checkout (the shop's local date).</param>
public sealed record DelayedOrder(string OrderId, string CustomerId, DateOnly OriginalPromise);
