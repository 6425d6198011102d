using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>
/// The facts about an order that delay compensation needs; map it from the order aggregate.
/// </summary>
public sealed record LateOrder
{
    /// <summary>Creates the input; ids follow <see cref="Identifier"/> rules and at least one line is required.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="customerId">Who receives the compensation.</param>
    /// <param name="lines">The order's lines with what has shipped so far.</param>
    /// <param name="promisedDate">The date promised to the customer, local to the shop.</param>
    /// <param name="readyToShipDate">
    /// The shop-local date the whole order became ready to ship, if it has. On or before the promised date the order was
    /// never late; after it, the delay stopped counting on that date.
    /// </param>
    /// <param name="cancelled">Cancelled orders are never compensated (they are refunded instead).</param>
    public LateOrder(
        string orderId,
        string customerId,
        IReadOnlyList<LateOrderLine> lines,
        DateOnly promisedDate,
        DateOnly? readyToShipDate = null,
        bool cancelled = false)
    {
        if (Identifier.Validate(orderId, "The order id") is { } orderError)
        {
            throw new ArgumentException(orderError, nameof(orderId));
        }

        if (Identifier.Validate(customerId, "The customer id") is { } customerError)
        {
            throw new ArgumentException(customerError, nameof(customerId));
        }

        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order has at least one line.", nameof(lines));
        }

        OrderId = orderId;
        CustomerId = customerId;
        Lines = [.. lines];
        PromisedDate = promisedDate;
        ReadyToShipDate = readyToShipDate;
        Cancelled = cancelled;
    }

    /// <summary>The order.</summary>
    public string OrderId { get; }

    /// <summary>Who receives the compensation.</summary>
    public string CustomerId { get; }

    /// <summary>The order's lines.</summary>
    public IReadOnlyList<LateOrderLine> Lines { get; }

    /// <summary>The date promised to the customer, local to the shop.</summary>
    public DateOnly PromisedDate { get; }

    /// <summary>The shop-local date the whole order became ready to ship, if it has.</summary>
    public DateOnly? ReadyToShipDate { get; }

    /// <summary>True when the order was cancelled.</summary>
    public bool Cancelled { get; }
}
