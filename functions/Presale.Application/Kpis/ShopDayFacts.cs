namespace Presale.Application.Kpis;

/// <summary>
/// One shop-local day of the shop's KPI snapshot: what happened that day (sums over a period add up) and the levels
/// at its end (customers, inventory value), which a period reads at its edges.
/// </summary>
/// <param name="Orders">Orders placed that day and confirmed (cancelled ones included: they were sold).</param>
/// <param name="Units">Units on those orders.</param>
/// <param name="Revenue">What those orders' lines were worth.</param>
/// <param name="CancelledOrders">Orders placed that day and cancelled since.</param>
/// <param name="Refunds">The refunds due on those cancelled orders.</param>
/// <param name="UnitsShipped">Units shipped that day.</param>
/// <param name="CostOfGoodsSold">Those units at cost (see <see cref="KpiFactsReader"/> for the unit cost).</param>
/// <param name="PromisesDue">Order lines whose promise date was that day (days up to the snapshot's today).</param>
/// <param name="PromisesKept">Of those, lines shipped in full on or before the promise date.</param>
/// <param name="UnitsReturned">Units customers asked to return that day (returns not refused or withdrawn).</param>
/// <param name="ReturnsByReason">Those units by the customer's reason.</param>
/// <param name="UnitsRestocked">Returned units triaged back into stock (by the day they were decided).</param>
/// <param name="Compensation">Delay compensation issued that day (coupons and store credit).</param>
/// <param name="NewCustomers">Customers whose first order was that day.</param>
/// <param name="ActiveCustomers">Customers at the day's end: an order within the activity window.</param>
/// <param name="CustomersToDate">Customers who ever ordered, by the day's end.</param>
/// <param name="OrdersToDate">Orders ever confirmed, by the day's end.</param>
/// <param name="InventoryValue">On hand at cost, recorded by the run whose today it was; null for days no run saw.</param>
public sealed record ShopDayFacts(
    int Orders,
    int Units,
    decimal Revenue,
    int CancelledOrders,
    decimal Refunds,
    int UnitsShipped,
    decimal CostOfGoodsSold,
    int PromisesDue,
    int PromisesKept,
    int UnitsReturned,
    IReadOnlyDictionary<string, int> ReturnsByReason,
    int UnitsRestocked,
    decimal Compensation,
    int NewCustomers,
    int ActiveCustomers,
    int CustomersToDate,
    int OrdersToDate,
    decimal? InventoryValue);
