namespace Presale.Application.Orders;

/// <summary>The (optional) body of <c>POST /api/orders/{id}/cancel</c>.</summary>
/// <param name="Reason">Why the customer cancels (at most 500 characters).</param>
public sealed record CancelOrderRequest(string? Reason);
