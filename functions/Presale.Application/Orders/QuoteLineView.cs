using Presale.Application.Supply;

namespace Presale.Application.Orders;

/// <summary>The promise for one quoted line.</summary>
/// <param name="LineNumber">1-based line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units asked for.</param>
/// <param name="Promisable">True when supply covers the whole quantity now.</param>
/// <param name="PromiseDate">The date that would be promised (shop-local); for an unpromisable line, the date for the available units.</param>
/// <param name="Source">The supply the date rests on: on hand, a lot, or the cap.</param>
/// <param name="Buffer">The supplier-reliability buffer included in <paramref name="PromiseDate"/>, for lot-backed promises.</param>
/// <param name="AvailableQuantity">Units that can be ordered now.</param>
public sealed record QuoteLineView(int LineNumber, string Sku, int Quantity, bool Promisable, DateOnly? PromiseDate, SupplySourceView? Source, long AvailableQuantity, PromiseBufferView? Buffer = null);
