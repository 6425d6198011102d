namespace Presale.Application.Orders;

/// <summary>A recorded shipment.</summary>
/// <param name="ShipmentId">The shop's id for the parcel.</param>
/// <param name="Lines">Units per SKU.</param>
/// <param name="ShippedOn">The day it shipped.</param>
/// <param name="DeliveredOn">The day it arrived, once known.</param>
public sealed record ShipmentView(string ShipmentId, IReadOnlyList<ShipmentLineRequest> Lines, DateOnly ShippedOn, DateOnly? DeliveredOn);
