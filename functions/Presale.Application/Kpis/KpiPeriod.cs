using Presale.Domain.Kpis;

namespace Presale.Application.Kpis;

/// <summary>
/// The KPIs of a period from a snapshot's day rows: sums of the days in the period, levels read at its edges (the
/// latest day up to the edge), and the domain formulas over them. Used by the API, the console and the snapshot
/// itself (retention over the activity window), so a figure is computed in one place.
/// </summary>
public static class KpiPeriod
{
    /// <summary>Retention over [<paramref name="from"/>, <paramref name="to"/>]: (active at the end − new) ÷ active the day before <paramref name="from"/>.</summary>
    public static decimal? Retention(IReadOnlyDictionary<DateOnly, ShopDayFacts> days, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(days);
        var (atStart, atEnd, added) = Customers(days, from, to);
        return CustomerLifetimeValue.Retention(atEnd, added, atStart);
    }

    /// <summary>The shop's KPIs over <paramref name="range"/>.</summary>
    public static ShopKpisView Shop(IReadOnlyDictionary<DateOnly, ShopDayFacts> days, KpiRange range, KpiStatus status, KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        var inRange = days.Where(d => d.Key >= range.From && d.Key <= range.To).Select(d => d.Value).ToList();
        var orders = inRange.Sum(d => d.Orders);
        var units = inRange.Sum(d => d.Units);
        var revenue = inRange.Sum(d => d.Revenue);
        var cogs = inRange.Sum(d => d.CostOfGoodsSold);
        var values = inRange.Where(d => d.InventoryValue is not null).Select(d => d.InventoryValue!.Value).ToList();
        var due = inRange.Sum(d => d.PromisesDue);
        var kept = inRange.Sum(d => d.PromisesKept);
        var accuracy = KpiRatio.PromiseAccuracy(kept, due);
        var returned = inRange.Sum(d => d.UnitsReturned);
        var compensation = inRange.Sum(d => d.Compensation);
        var (atStart, atEnd, added) = Customers(days, range.From, range.To);
        var retention = CustomerLifetimeValue.Retention(atEnd, added, atStart);
        var level = LevelAt(days, range.To);
        var aov = orders == 0 ? (decimal?)null : revenue / orders;
        var ordersPerCustomer = level is { CustomersToDate: > 0 } l ? l.OrdersToDate / (decimal)l.CustomersToDate : (decimal?)null;
        return new ShopKpisView(
            range.From,
            range.To,
            status.ComputedAt,
            status.Currency,
            orders,
            units,
            revenue,
            aov,
            inRange.Sum(d => d.CancelledOrders),
            inRange.Sum(d => d.UnitsShipped),
            cogs,
            values.Count == 0 ? null : values.Average(),
            InventoryTurnover.Compute(cogs, values),
            DaysOfSupply.Compute(status.UnitsOnHand, units, range.Days),
            due,
            kept,
            accuracy,
            1 - accuracy,
            returned,
            KpiRatio.ReturnRate(returned, units),
            ByReason(inRange.Select(d => d.ReturnsByReason), units),
            inRange.Sum(d => d.UnitsRestocked),
            compensation,
            KpiRatio.Of(compensation, revenue),
            atStart,
            atEnd,
            added,
            retention,
            ordersPerCustomer,
            aov is { } value && ordersPerCustomer is { } perCustomer
                ? CustomerLifetimeValue.Compute(value, perCustomer, retention, options.DiscountRate, options.CustomerLifespanYears)
                : null,
            status.OpenOrders,
            status.OnTrack,
            status.AtRisk,
            status.Late,
            status.Segments,
            status.InventoryValue,
            status.UnpricedSkus);
    }

    /// <summary>A SKU's KPIs over <paramref name="range"/> from its (sparse) day rows.</summary>
    public static SkuKpisView Sku(string sku, IReadOnlyDictionary<DateOnly, SkuDayFacts> days, KpiRange range, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(range);
        var inRange = days.Where(d => d.Key >= range.From && d.Key <= range.To).Select(d => d.Value).ToList();
        var units = inRange.Sum(d => d.Units);
        var cogs = inRange.Sum(d => d.CostOfGoodsSold);
        var values = inRange.Where(d => d.InventoryValue is not null).Select(d => d.InventoryValue!.Value).ToList();
        var onHand = days.Where(d => d.Key <= range.To && d.Value.OnHand is not null).OrderBy(d => d.Key).Select(d => d.Value.OnHand).LastOrDefault();
        var returned = inRange.Sum(d => d.UnitsReturned);
        return new SkuKpisView(
            sku,
            range.From,
            range.To,
            computedAt,
            units,
            inRange.Sum(d => d.Revenue),
            inRange.Sum(d => d.UnitsShipped),
            cogs,
            values.Count == 0 ? null : values.Average(),
            InventoryTurnover.Compute(cogs, values),
            onHand,
            onHand is { } stock ? DaysOfSupply.Compute(stock, units, range.Days) : null,
            returned,
            KpiRatio.ReturnRate(returned, units),
            ByReason(inRange.Select(d => d.ReturnsByReason), units));
    }

    /// <summary>Promise accuracy per ISO week (Monday first) of the days in <paramref name="range"/>: due, kept, accuracy.</summary>
    public static IReadOnlyList<(DateOnly WeekOf, int Due, int Kept, decimal? Accuracy)> WeeklyPromises(IReadOnlyDictionary<DateOnly, ShopDayFacts> days, KpiRange range)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(range);
        return [.. days.Where(d => d.Key >= range.From && d.Key <= range.To)
            .GroupBy(d => d.Key.AddDays(-(((int)d.Key.DayOfWeek + 6) % 7)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(d => d.Value.PromisesDue), g.Sum(d => d.Value.PromisesKept), KpiRatio.PromiseAccuracy(g.Sum(d => d.Value.PromisesKept), g.Sum(d => d.Value.PromisesDue))))];
    }

    private static (int AtStart, int AtEnd, int Added) Customers(IReadOnlyDictionary<DateOnly, ShopDayFacts> days, DateOnly from, DateOnly to) =>
        (LevelAt(days, from.AddDays(-1))?.ActiveCustomers ?? 0,
         LevelAt(days, to)?.ActiveCustomers ?? 0,
         days.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value.NewCustomers));

    // The latest day row up to the date: the levels at its end (the days are dense from the first order to the snapshot's today).
    private static ShopDayFacts? LevelAt(IReadOnlyDictionary<DateOnly, ShopDayFacts> days, DateOnly date) =>
        days.Where(d => d.Key <= date).OrderBy(d => d.Key).Select(d => d.Value).LastOrDefault();

    private static Dictionary<string, ReasonRate> ByReason(IEnumerable<IReadOnlyDictionary<string, int>> reasons, int sold) =>
        reasons.SelectMany(r => r).GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ReasonRate(g.Sum(r => r.Value), KpiRatio.ReturnRate(g.Sum(r => r.Value), sold)), StringComparer.Ordinal);
}
