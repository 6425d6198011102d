using Presale.Domain.Common;

namespace Presale.Domain.Orders;

/// <summary>
/// A parcel of an order handed to the carrier: which units of which lines, when it shipped and, once known, when it
/// was delivered (a return window starts at delivery). Recorded by the shop's fulfilment through
/// <see cref="Order.RecordShipment"/>; the shipment id makes recording it idempotent. It counts as shipped once its
/// units have left the stock (<see cref="Stock"/>).
/// </summary>
/// <param name="Id">The shop's shipment id (unique per order).</param>
/// <param name="Lines">Units shipped per SKU, each SKU once.</param>
/// <param name="ShippedOn">The shop-local day it shipped.</param>
/// <param name="DeliveredOn">The shop-local day it was delivered, once known.</param>
public sealed record Shipment(string Id, IReadOnlyList<ShipmentLine> Lines, DateOnly ShippedOn, DateOnly? DeliveredOn)
{
    /// <summary>Whether its units have left the stock (a new shipment is pending until they have).</summary>
    public ShipmentStock Stock { get; init; } = ShipmentStock.Taken;

    /// <summary>
    /// Which attempt at taking the shipment's stock this is: 1 at first, one more each time a refused shipment is posted
    /// again (each attempt takes and gives back its own stock).
    /// </summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Why its stock was refused, when it was.</summary>
    public string? Refusal { get; init; }

    /// <summary>Units of <paramref name="sku"/> in this shipment.</summary>
    public int QuantityOf(Sku sku) => Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity);

    /// <summary>True when <paramref name="other"/> records the same parcel (same id, lines and dates).</summary>
    public bool SameAs(Shipment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && ShippedOn == other.ShippedOn && DeliveredOn == other.DeliveredOn
            && Lines.OrderBy(l => l.Sku.Value, StringComparer.Ordinal).SequenceEqual(other.Lines.OrderBy(l => l.Sku.Value, StringComparer.Ordinal));
    }
}
