namespace Presale.Application.Kpis;

/// <summary>One shop-local day of a SKU's KPI snapshot (only days with something to count, and the days a run recorded its stock).</summary>
/// <param name="Units">Units ordered that day (confirmed orders).</param>
/// <param name="Revenue">What they were sold for.</param>
/// <param name="UnitsShipped">Units shipped that day.</param>
/// <param name="CostOfGoodsSold">Those units at cost.</param>
/// <param name="UnitsReturned">Units customers asked to return that day.</param>
/// <param name="ReturnsByReason">Those units by reason.</param>
/// <param name="OnHand">Units on hand, recorded by the run whose today it was; null otherwise.</param>
/// <param name="InventoryValue">Those units at cost; null when not recorded or the SKU has no cost.</param>
public sealed record SkuDayFacts(
    int Units,
    decimal Revenue,
    int UnitsShipped,
    decimal CostOfGoodsSold,
    int UnitsReturned,
    IReadOnlyDictionary<string, int> ReturnsByReason,
    int? OnHand,
    decimal? InventoryValue);
