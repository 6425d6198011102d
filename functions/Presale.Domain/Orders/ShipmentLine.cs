using Presale.Domain.Common;

namespace Presale.Domain.Orders;

/// <summary>Units of one order line in a shipment.</summary>
/// <param name="Sku">The SKU (an order line).</param>
/// <param name="Quantity">Units shipped, at least 1.</param>
public sealed record ShipmentLine(Sku Sku, int Quantity);
