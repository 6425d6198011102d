namespace Presale.Domain.Orders;

/// <summary>The outcome of <see cref="Order.RecordShipment"/>, with a message naming what was wrong when it was refused.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why it was refused, or null.</param>
/// <param name="Field">The request field the refusal concerns (<c>lines[0].quantity</c>), or null.</param>
public sealed record ShipmentResult(ShipmentOutcome Outcome, string? Message = null, string? Field = null)
{
    /// <summary>True when the order changed.</summary>
    public bool Changed => Outcome is ShipmentOutcome.Recorded or ShipmentOutcome.DeliveryRecorded;

    /// <summary>True when the shipment is (now or already) recorded as given.</summary>
    public bool Accepted => Changed || Outcome == ShipmentOutcome.AlreadyRecorded;
}
