namespace Presale.Application.Orders;

/// <summary>One order line's fulfilment.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Ordered">Units ordered.</param>
/// <param name="Shipped">Units shipped.</param>
/// <param name="Delivered">Units delivered.</param>
/// <param name="DeliveredOn">The last delivery day of the line, or null.</param>
public sealed record FulfilmentLineView(string Sku, int Ordered, int Shipped, int Delivered, DateOnly? DeliveredOn);
