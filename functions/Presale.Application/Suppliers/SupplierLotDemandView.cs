using Presale.Application.Supply;

namespace Presale.Application.Suppliers;

/// <summary>One lot as its supplier sees it: quantities, ETA history and the customer dates that hang on it.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="PurchaseOrderReference">The shop's purchase order.</param>
/// <param name="Status"><c>open</c>, <c>cancelled</c> (or <c>registering</c> briefly).</param>
/// <param name="Eta">The current ETA (shop-local date).</param>
/// <param name="Ordered">Units ordered over all lines.</param>
/// <param name="Received">Units received so far.</param>
/// <param name="Cancelled">Units the supplier cancelled.</param>
/// <param name="Lines">Per SKU: ordered, received, cancelled.</param>
/// <param name="EtaHistory">Every ETA the lot has had, oldest first.</param>
/// <param name="PeggedOrders">Customer orders whose units wait on this lot (an order is counted once per SKU it has on the lot).</param>
/// <param name="PeggedUnits">Units of those orders waiting on the lot.</param>
/// <param name="EarliestPromiseDate">The earliest date a customer waiting on this lot was promised; null when none waits.</param>
public sealed record SupplierLotDemandView(
    string LotId,
    string PurchaseOrderReference,
    string Status,
    DateOnly Eta,
    int Ordered,
    int Received,
    int Cancelled,
    IReadOnlyList<LotLineView> Lines,
    IReadOnlyList<EtaChangeView> EtaHistory,
    int PeggedOrders,
    long PeggedUnits,
    DateOnly? EarliestPromiseDate);
