namespace Presale.Domain.Orders;

/// <summary>What recording a shipment did.</summary>
public enum ShipmentOutcome
{
    /// <summary>A new shipment was recorded.</summary>
    Recorded,

    /// <summary>A shipment recorded earlier without a delivery date now has one.</summary>
    DeliveryRecorded,

    /// <summary>The same shipment was recorded before: nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>A different shipment was recorded under this id: nothing changed.</summary>
    ConflictingShipment,

    /// <summary>The order is not confirmed (pending, rejected, abandoned or cancelled): nothing ships.</summary>
    NotShippable,

    /// <summary>A line names a SKU the order does not have, or ships more units than are left to ship.</summary>
    InvalidLines,
}
