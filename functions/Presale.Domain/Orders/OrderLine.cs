using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Domain.Orders;

/// <summary>One line of an order: SKU, quantity, unit price, and once confirmed the promise and the supply behind it.</summary>
public sealed record OrderLine
{
    /// <summary>Creates a line.</summary>
    public OrderLine(int lineNumber, Sku sku, int quantity, Money unitPrice, LinePromise? promise = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice.Amount);
        LineNumber = lineNumber;
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Promise = promise;
    }

    /// <summary>1-based position in the order.</summary>
    public int LineNumber { get; }

    /// <summary>The SKU.</summary>
    public Sku Sku { get; }

    /// <summary>Units ordered.</summary>
    public int Quantity { get; }

    /// <summary>Price of one unit.</summary>
    public Money UnitPrice { get; }

    /// <summary>The promise, once the line is reserved.</summary>
    public LinePromise? Promise { get; init; }

    /// <summary>Quantity × unit price.</summary>
    public Money Total => UnitPrice * Quantity;

    /// <summary>What the latest reconciliation of the line's SKU found; null until one ran.</summary>
    public LineTracking? Tracking { get; init; }
}
