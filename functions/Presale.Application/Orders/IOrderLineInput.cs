namespace Presale.Application.Orders;

/// <summary>What order and quote lines share: a SKU and a quantity.</summary>
public interface IOrderLineInput
{
    /// <summary>The SKU.</summary>
    string? Sku { get; }

    /// <summary>Units.</summary>
    int? Quantity { get; }
}
