namespace Presale.Application.Returns;

/// <summary>One line of a refund.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Units">Units refunded.</param>
/// <param name="Gross">Unit price × units.</param>
/// <param name="RestockingFee">Fees charged.</param>
/// <param name="Net">Gross − fees.</param>
public sealed record RefundLineView(string Sku, int Units, decimal Gross, decimal RestockingFee, decimal Net);
