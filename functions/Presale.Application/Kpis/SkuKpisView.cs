namespace Presale.Application.Kpis;

/// <summary>A SKU's KPIs over a period of shop-local days (formulas in docs/kpis.md).</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day.</param>
/// <param name="ComputedAt">When the snapshot read its data.</param>
/// <param name="Units">Units ordered in the period (confirmed orders).</param>
/// <param name="Revenue">What they were sold for.</param>
/// <param name="UnitsShipped">Units shipped in the period.</param>
/// <param name="CostOfGoodsSold">Those units at cost.</param>
/// <param name="AverageInventoryValue">The mean of the inventory values recorded in the period.</param>
/// <param name="InventoryTurnover">COGS ÷ average inventory value.</param>
/// <param name="OnHand">Units on hand at the latest recording up to the period's end.</param>
/// <param name="DaysOfSupply">On hand ÷ units ordered per day in the period.</param>
/// <param name="UnitsReturned">Units customers asked to return in the period.</param>
/// <param name="ReturnRate">Units returned ÷ units ordered.</param>
/// <param name="ReturnsByReason">Per reason, units and their share of the units ordered.</param>
public sealed record SkuKpisView(
    string Sku,
    DateOnly From,
    DateOnly To,
    DateTimeOffset ComputedAt,
    int Units,
    decimal Revenue,
    int UnitsShipped,
    decimal CostOfGoodsSold,
    decimal? AverageInventoryValue,
    decimal? InventoryTurnover,
    int? OnHand,
    decimal? DaysOfSupply,
    int UnitsReturned,
    decimal? ReturnRate,
    IReadOnlyDictionary<string, ReasonRate> ReturnsByReason);
