namespace Presale.Application.Orders;

/// <summary>Units of one order line in a shipment.</summary>
/// <param name="Sku">The SKU of the order line.</param>
/// <param name="Quantity">Units shipped.</param>
public sealed record ShipmentLineRequest(string? Sku, int? Quantity);
