namespace Presale.Application.Orders;

/// <summary>One line of an order or quote request.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units (1 to the SKU's maximum per order).</param>
/// <param name="UnitPrice">Price of one unit in the order's currency (0–1,000,000,000, at most 4 decimals).</param>
public sealed record PlaceOrderLineRequest(string? Sku, int? Quantity, decimal? UnitPrice) : IOrderLineInput;
