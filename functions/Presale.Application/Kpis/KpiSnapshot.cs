using Presale.Application.Suppliers;

namespace Presale.Application.Kpis;

/// <summary>What one snapshot run computed, before it is written as rows.</summary>
/// <param name="Today">The shop-local day of the run.</param>
/// <param name="ShopDays">Every day from the first order to today.</param>
/// <param name="SkuDays">Per SKU, the days with something to count, and today's stock.</param>
/// <param name="Customers">Every customer with a confirmed order.</param>
/// <param name="Scorecards">Every supplier's scorecard.</param>
/// <param name="Status">The shop now.</param>
public sealed record KpiSnapshot(
    DateOnly Today,
    IReadOnlyDictionary<DateOnly, ShopDayFacts> ShopDays,
    IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, SkuDayFacts>> SkuDays,
    IReadOnlyList<CustomerKpis> Customers,
    IReadOnlyList<SupplierScorecardView> Scorecards,
    KpiStatus Status);
