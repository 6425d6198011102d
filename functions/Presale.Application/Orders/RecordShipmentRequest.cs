namespace Presale.Application.Orders;

/// <summary>The body of <c>POST /api/orders/{id}/shipments</c>: a parcel of the order, and when it shipped and arrived.</summary>
/// <param name="ShipmentId">The shop's id for the parcel; posting it again is idempotent (a missing delivery date may be added).</param>
/// <param name="Lines">Units shipped per SKU.</param>
/// <param name="ShippedOn">The shop-local day it shipped.</param>
/// <param name="DeliveredOn">The shop-local day it was delivered, once known (a return window starts there).</param>
public sealed record RecordShipmentRequest(string? ShipmentId, IReadOnlyList<ShipmentLineRequest>? Lines, DateOnly? ShippedOn, DateOnly? DeliveredOn);
