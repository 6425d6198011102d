namespace Presale.Application.Suppliers;

/// <summary>Units of one SKU in a goods receipt.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Units">Units received in this delivery.</param>
public sealed record LotReceiptLine(string Sku, int Units);
