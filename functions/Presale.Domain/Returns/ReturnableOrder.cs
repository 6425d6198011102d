using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>
/// The facts about a delivered order that a return needs, read from the order (and catalogue) at intake. Each SKU
/// appears on one line: returns address order lines by SKU.
/// </summary>
public sealed record ReturnableOrder
{
    /// <summary>Creates the order facts; throws when they break the one-line-per-SKU or single-currency rules.</summary>
    public ReturnableOrder(string orderId, string customerId, string currency, IReadOnlyList<ReturnableOrderLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (Identifier.Validate(orderId, "The order id") is { } orderError)
        {
            throw new ArgumentException(orderError, nameof(orderId));
        }

        if (Identifier.Validate(customerId, "The customer id") is { } customerError)
        {
            throw new ArgumentException(customerError, nameof(customerId));
        }

        var zero = Money.Zero(currency);
        if (lines.GroupBy(l => l.Sku).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"SKU {duplicate.Key} appears on more than one line of order {orderId}.", nameof(lines));
        }

        if (lines.FirstOrDefault(l => l.UnitPrice.Currency != zero.Currency) is { } foreign)
        {
            throw new ArgumentException($"Line {foreign.Sku} is priced in {foreign.UnitPrice.Currency}, not {zero.Currency}.", nameof(lines));
        }

        OrderId = orderId;
        CustomerId = customerId;
        Currency = zero.Currency;
        Lines = lines.ToArray();
    }

    /// <summary>The order's id.</summary>
    public string OrderId { get; }

    /// <summary>The customer who placed the order; only they may return from it.</summary>
    public string CustomerId { get; }

    /// <summary>The ISO 4217 currency of every price on the order.</summary>
    public string Currency { get; }

    /// <summary>The order's lines, one per SKU.</summary>
    public IReadOnlyList<ReturnableOrderLine> Lines { get; }

    /// <summary>The line for <paramref name="sku"/>, or null when the order has none.</summary>
    public ReturnableOrderLine? FindLine(Sku sku) => Lines.FirstOrDefault(l => l.Sku == sku);
}
