namespace Presale.Application.Kpis;

/// <summary>The shop as the last snapshot run found it: open promises, returns in flight, stock, segments.</summary>
/// <param name="ComputedAt">When the run read the data.</param>
/// <param name="Today">The shop-local day of the run.</param>
/// <param name="Currency">The shop's currency (every amount).</param>
/// <param name="OpenOrders">Confirmed orders with units not yet shipped.</param>
/// <param name="OnTrack">Of those: every open line on track or ready to ship.</param>
/// <param name="AtRisk">Of those: a line whose estimate is later than its promise, or which waits on undated supply.</param>
/// <param name="Late">Of those: a line whose promise date has passed unshipped.</param>
/// <param name="ReturnsInFlight">Returns not finished, by status.</param>
/// <param name="TriageOutcomes">Returned units by their final triage decision (restock, refurbish, …), over every return.</param>
/// <param name="UnitsOnHand">Units on hand over every SKU.</param>
/// <param name="InventoryValue">Those units at cost (SKUs with a cost).</param>
/// <param name="UnpricedSkus">SKUs on hand with no unit cost in any supplier's catalogue (left out of inventory value and COGS).</param>
/// <param name="Skus">Pre-sold against supply, most beyond confirmed supply first, at most <see cref="KpiOptions.OverviewSkus"/>.</param>
/// <param name="Segments">Customers per RFM segment.</param>
/// <param name="RecentRetention">Retention over the last activity window (the customer lifetime value's).</param>
public sealed record KpiStatus(
    DateTimeOffset ComputedAt,
    DateOnly Today,
    string Currency,
    int OpenOrders,
    int OnTrack,
    int AtRisk,
    int Late,
    IReadOnlyDictionary<string, int> ReturnsInFlight,
    IReadOnlyDictionary<string, int> TriageOutcomes,
    long UnitsOnHand,
    decimal InventoryValue,
    IReadOnlyList<string> UnpricedSkus,
    IReadOnlyList<SkuSupplyStatus> Skus,
    IReadOnlyDictionary<string, int> Segments,
    decimal? RecentRetention);
