namespace Presale.Domain.Orders;

/// <summary>
/// Where a recorded shipment stands with the SKU stock it took: a shipment is only counted as shipped once its units
/// have left on hand and the line's reservation (see <see cref="Order.RecordShipment"/>).
/// </summary>
public enum ShipmentStock
{
    /// <summary>Recorded; its units are being taken out of stock (a sweeper finishes it if the request dies).</summary>
    Pending,

    /// <summary>Its units left on hand and the reservation: the shipment counts as shipped.</summary>
    Taken,

    /// <summary>On hand held fewer units than it shipped: nothing was taken and nothing counts as shipped.</summary>
    Refused,
}
