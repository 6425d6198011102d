namespace Presale.Application.Supply;

/// <summary>One line of a lot.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units ordered from the supplier.</param>
/// <param name="Received">Units received so far.</param>
/// <param name="Cancelled">Units the supplier cancelled.</param>
public sealed record LotLineView(string Sku, int Quantity, int Received, int Cancelled);
