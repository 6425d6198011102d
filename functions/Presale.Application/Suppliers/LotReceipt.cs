namespace Presale.Application.Suppliers;

/// <summary>One applied goods receipt of a lot (see <see cref="LotReceipts"/>).</summary>
/// <param name="LotId">The lot.</param>
/// <param name="EventId">The receipt's event id.</param>
/// <param name="ReceivedOn">The shop-local day it was applied.</param>
/// <param name="Lines">Units received per SKU in this delivery.</param>
public sealed record LotReceipt(string LotId, string EventId, DateOnly ReceivedOn, IReadOnlyList<LotReceiptLine> Lines);
