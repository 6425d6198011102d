using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>One line of an order as far as delay compensation cares.</summary>
public sealed record LateOrderLine
{
    /// <summary>Creates a line; quantities must satisfy 0 ≤ shipped ≤ quantity and the price must not be negative.</summary>
    public LateOrderLine(Sku sku, int quantity, Money unitPrice, int shippedQuantity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(shippedQuantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shippedQuantity, quantity);
        if (unitPrice.Amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), unitPrice, "A unit price may not be negative.");
        }

        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        ShippedQuantity = shippedQuantity;
    }

    /// <summary>The product.</summary>
    public Sku Sku { get; }

    /// <summary>Units ordered.</summary>
    public int Quantity { get; }

    /// <summary>The price paid per unit (after discounts), in the shop's currency.</summary>
    public Money UnitPrice { get; }

    /// <summary>
    /// Units already shipped to the customer, or set aside as ready to ship ahead of the rest of the order (a partial
    /// shipment). Only the remaining units are late.
    /// </summary>
    public int ShippedQuantity { get; }

    /// <summary>Units still waiting: <see cref="Quantity"/> − <see cref="ShippedQuantity"/>.</summary>
    public int LateQuantity => Quantity - ShippedQuantity;

    /// <summary>The paid value of the waiting units.</summary>
    public Money LateValue => UnitPrice * LateQuantity;
}
