namespace Presale.Application.Orders;

/// <summary>One line of a quote request.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units (1 to the SKU's maximum per order).</param>
public sealed record QuoteLineRequest(string? Sku, int? Quantity) : IOrderLineInput;
