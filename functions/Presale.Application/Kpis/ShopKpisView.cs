namespace Presale.Application.Kpis;

/// <summary>The shop's KPIs over a period of shop-local days (formulas in docs/kpis.md); a figure with nothing to measure is null.</summary>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day.</param>
/// <param name="ComputedAt">When the snapshot read read its data.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Orders">Orders placed and confirmed in the period.</param>
/// <param name="Units">Units on them.</param>
/// <param name="Revenue">What they were worth.</param>
/// <param name="AverageOrderValue">Revenue ÷ orders.</param>
/// <param name="CancelledOrders">Of those orders, cancelled since.</param>
/// <param name="UnitsShipped">Units shipped in the period.</param>
/// <param name="CostOfGoodsSold">Those units at cost.</param>
/// <param name="AverageInventoryValue">The mean of the inventory values recorded on the period's days.</param>
/// <param name="InventoryTurnover">COGS ÷ average inventory value.</param>
/// <param name="DaysOfSupply">Units on hand now ÷ units ordered per day in the period.</param>
/// <param name="PromisesDue">Order lines whose promise date fell in the period.</param>
/// <param name="PromisesKept">Of those, shipped in full by their promise date.</param>
/// <param name="PromiseAccuracy">Kept ÷ due.</param>
/// <param name="BrokenPromiseRate">1 − promise accuracy.</param>
/// <param name="UnitsReturned">Units customers asked to return in the period.</param>
/// <param name="ReturnRate">Units returned ÷ units ordered.</param>
/// <param name="ReturnsByReason">Per reason, units and their share of the units ordered.</param>
/// <param name="UnitsRestocked">Returned units put back into stock in the period.</param>
/// <param name="Compensation">Delay compensation issued in the period.</param>
/// <param name="CompensationShareOfRevenue">Compensation ÷ revenue.</param>
/// <param name="CustomersAtStart">Active customers at the end of the day before the period.</param>
/// <param name="CustomersAtEnd">Active customers at the period's end.</param>
/// <param name="NewCustomers">Customers whose first order was in the period.</param>
/// <param name="Retention">(At end − new) ÷ at start.</param>
/// <param name="OrdersPerCustomer">Orders ever ÷ customers ever, at the period's end.</param>
/// <param name="CustomerLifetimeValue">AOV × orders per customer × retention ÷ (1 + discount rate)^lifespan.</param>
/// <param name="OpenOrders">Confirmed orders with units not yet shipped, as of the snapshot.</param>
/// <param name="OnTrack">Of those, every open line on track or ready to ship.</param>
/// <param name="AtRisk">Of those, a line whose estimate is past its promise or which waits on undated supply.</param>
/// <param name="Late">Of those, a line whose promise date has passed unshipped.</param>
/// <param name="Segments">Customers per RFM segment, as of the snapshot.</param>
/// <param name="InventoryValueNow">On hand at cost, as of the snapshot.</param>
/// <param name="UnpricedSkus">SKUs on hand without a unit cost (left out of COGS and inventory value).</param>
public sealed record ShopKpisView(
    DateOnly From,
    DateOnly To,
    DateTimeOffset ComputedAt,
    string Currency,
    int Orders,
    int Units,
    decimal Revenue,
    decimal? AverageOrderValue,
    int CancelledOrders,
    int UnitsShipped,
    decimal CostOfGoodsSold,
    decimal? AverageInventoryValue,
    decimal? InventoryTurnover,
    decimal? DaysOfSupply,
    int PromisesDue,
    int PromisesKept,
    decimal? PromiseAccuracy,
    decimal? BrokenPromiseRate,
    int UnitsReturned,
    decimal? ReturnRate,
    IReadOnlyDictionary<string, ReasonRate> ReturnsByReason,
    int UnitsRestocked,
    decimal Compensation,
    decimal? CompensationShareOfRevenue,
    int CustomersAtStart,
    int CustomersAtEnd,
    int NewCustomers,
    decimal? Retention,
    decimal? OrdersPerCustomer,
    decimal? CustomerLifetimeValue,
    int OpenOrders,
    int OnTrack,
    int AtRisk,
    int Late,
    IReadOnlyDictionary<string, int> Segments,
    decimal InventoryValueNow,
    IReadOnlyList<string> UnpricedSkus);
