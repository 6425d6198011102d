using Presale.Domain.Kpis;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Kpis;

/// <summary>
/// Turns the facts of one run into the snapshot: per shop-local day what was sold, shipped (at cost), promised and
/// kept, returned, restocked and compensated, and the customer levels retention needs; per SKU the same days; per
/// customer RFM and lifetime value; and the shop's state now. Pure: the same facts and instant give the same snapshot.
/// </summary>
public static class KpiSnapshotBuilder
{
    /// <summary>Builds the snapshot as of <paramref name="now"/>.</summary>
    public static KpiSnapshot Build(KpiFacts facts, DateTimeOffset now, KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var shop = facts.Shop;
        var today = shop.LocalDate(now);
        var costs = facts.Skus.ToDictionary(s => s.Sku, s => s.UnitCost, StringComparer.Ordinal);
        decimal CostOf(string sku, int units) => costs.TryGetValue(sku, out var cost) && cost is { } c ? c * units : 0m;

        var days = new SortedDictionary<DateOnly, DayTally>();
        var skuDays = new Dictionary<string, SortedDictionary<DateOnly, SkuTally>>(StringComparer.Ordinal);
        DayTally Day(DateOnly d) => days.TryGetValue(d, out var t) ? t : days[d] = new DayTally();
        SkuTally SkuDay(string sku, DateOnly d)
        {
            if (!skuDays.TryGetValue(sku, out var byDay))
            {
                skuDays[sku] = byDay = new SortedDictionary<DateOnly, SkuTally>();
            }

            return byDay.TryGetValue(d, out var t) ? t : byDay[d] = new SkuTally();
        }

        var sold = facts.Orders.Where(o => o.Status is OrderStatus.Confirmed or OrderStatus.Cancelled).ToList();
        int open = 0, onTrack = 0, atRisk = 0, late = 0;
        foreach (var order in sold)
        {
            var placedOn = shop.LocalDate(order.PlacedAt);
            var day = Day(placedOn);
            day.Orders++;
            day.Revenue += order.Total.Amount;
            day.Units += order.Lines.Sum(l => l.Quantity);
            if (order.Status == OrderStatus.Cancelled)
            {
                day.CancelledOrders++;
                day.Refunds += order.RefundDue?.Amount ?? 0m;
            }

            foreach (var line in order.Lines)
            {
                var skuDay = SkuDay(line.Sku.Value, placedOn);
                skuDay.Units += line.Quantity;
                skuDay.Revenue += line.Total.Amount;
            }

            foreach (var shipment in order.Shipments)
            {
                foreach (var shipped in shipment.Lines)
                {
                    var cost = CostOf(shipped.Sku.Value, shipped.Quantity);
                    var shipDay = Day(shipment.ShippedOn);
                    shipDay.UnitsShipped += shipped.Quantity;
                    shipDay.Cogs += cost;
                    var skuDay = SkuDay(shipped.Sku.Value, shipment.ShippedOn);
                    skuDay.UnitsShipped += shipped.Quantity;
                    skuDay.Cogs += cost;
                }
            }

            if (order.Status != OrderStatus.Confirmed)
            {
                continue;
            }

            foreach (var line in order.Lines)
            {
                if (line.Promise is { } promise && promise.PromisedOn <= today)
                {
                    var due = Day(promise.PromisedOn);
                    due.PromisesDue++;
                    var shippedByPromise = order.Shipments.Where(s => s.ShippedOn <= promise.PromisedOn).SelectMany(s => s.Lines).Where(l => l.Sku == line.Sku).Sum(l => l.Quantity);
                    if (shippedByPromise >= line.Quantity)
                    {
                        due.PromisesKept++;
                    }
                }
            }

            if (!order.FullyShipped)
            {
                open++;
                var openLines = order.Lines.Where(l => order.Shipments.SelectMany(s => s.Lines).Where(s => s.Sku == l.Sku).Sum(s => s.Quantity) < l.Quantity).ToList();
                if (openLines.Any(l => l.Promise is { } p && p.PromisedOn < today))
                {
                    late++;
                }
                else if (openLines.Any(l => l.Tracking is { Status: PromiseStatus.AtRisk }))
                {
                    atRisk++;
                }
                else
                {
                    onTrack++;
                }
            }
        }

        var inFlight = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in facts.Returns)
        {
            if (!request.IsFinished)
            {
                inFlight[request.Status.ToString()] = inFlight.GetValueOrDefault(request.Status.ToString()) + 1;
            }

            if (request.Status is not (ReturnStatus.Rejected or ReturnStatus.Cancelled))
            {
                foreach (var line in request.Lines)
                {
                    var reason = line.Reason.ToString();
                    var day = Day(request.RequestedOn);
                    day.UnitsReturned += line.Quantity;
                    day.Reasons[reason] = day.Reasons.GetValueOrDefault(reason) + line.Quantity;
                    var skuDay = SkuDay(line.Sku.Value, request.RequestedOn);
                    skuDay.UnitsReturned += line.Quantity;
                    skuDay.Reasons[reason] = skuDay.Reasons.GetValueOrDefault(reason) + line.Quantity;
                }
            }

            foreach (var unit in request.Units)
            {
                if (unit.IsDecided)
                {
                    outcomes[unit.Decision!.Action.ToString()] = outcomes.GetValueOrDefault(unit.Decision.Action.ToString()) + 1;
                }

                if (unit.Decision is { Action: TriageAction.Restock } && unit.DecidedAt is { } decidedAt)
                {
                    Day(shop.LocalDate(decidedAt)).UnitsRestocked++;
                }
            }
        }

        foreach (var credit in facts.Credits)
        {
            Day(shop.LocalDate(credit.IssuedAt)).Compensation += credit.Amount.Amount;
        }

        // Customers: first orders, activity levels (an order keeps its customer active for the window) and lifetime totals.
        var customers = sold.GroupBy(o => o.CustomerId, StringComparer.Ordinal).Select(g => new
        {
            Id = g.Key,
            Days = g.Select(o => shop.LocalDate(o.PlacedAt)).Order().ToList(),
            Revenue = g.Sum(o => o.Total.Amount),
        }).ToList();
        var first = days.Count > 0 && days.Keys.First() < today ? days.Keys.First() : today;
        var span = Math.Max(0, today.DayNumber - first.DayNumber) + 1;
        var activeDelta = new int[span + 1];
        var newPerDay = new int[span];
        foreach (var customer in customers)
        {
            if (customer.Days[0] > today)
            {
                continue;
            }

            newPerDay[customer.Days[0].DayNumber - first.DayNumber]++;
            var coveredUntil = DateOnly.MinValue;
            foreach (var d in customer.Days.Where(d => d <= today))
            {
                // The union of [order day, order day + window) over the customer's orders, as +1/−1 at its edges.
                var start = coveredUntil > d ? coveredUntil : d;
                var end = d.AddDays(options.ActiveCustomerDays);
                if (start.DayNumber - first.DayNumber >= span)
                {
                    break;
                }

                if (end > start)
                {
                    activeDelta[start.DayNumber - first.DayNumber]++;
                    activeDelta[Math.Min(span, end.DayNumber - first.DayNumber)]--;
                    coveredUntil = end;
                }
            }
        }

        var onHandValue = facts.Skus.Where(s => s.UnitCost is not null).Sum(s => s.OnHand * s.UnitCost!.Value);
        var shopDays = new SortedDictionary<DateOnly, ShopDayFacts>();
        int active = 0, customersToDate = 0, ordersToDate = 0;
        for (var i = 0; i < span; i++)
        {
            var date = first.AddDays(i);
            var t = days.GetValueOrDefault(date) ?? new DayTally();
            active += activeDelta[i];
            customersToDate += newPerDay[i];
            ordersToDate += t.Orders;
            shopDays[date] = new ShopDayFacts(
                t.Orders, t.Units, t.Revenue, t.CancelledOrders, t.Refunds, t.UnitsShipped, t.Cogs, t.PromisesDue, t.PromisesKept,
                t.UnitsReturned, t.Reasons, t.UnitsRestocked, t.Compensation, newPerDay[i], active, customersToDate, ordersToDate,
                date == today ? onHandValue : null);
        }

        foreach (var stock in facts.Skus)
        {
            var tally = SkuDay(stock.Sku, today);
            tally.OnHand = stock.OnHand;
            tally.InventoryValue = stock.UnitCost * stock.OnHand;
        }

        var recentRetention = KpiPeriod.Retention(shopDays, today.AddDays(1 - options.ActiveCustomerDays), today);
        var scores = RfmScorer.Score([.. customers.Select(c => new RfmCustomer(c.Id, c.Days[^1], c.Days.Count, c.Revenue))], today);
        var customerKpis = customers.Zip(scores, (c, score) =>
        {
            var aov = c.Revenue / c.Days.Count;
            return new CustomerKpis(c.Id, c.Days.Count, c.Revenue, aov, c.Days[0], c.Days[^1], score,
                CustomerLifetimeValue.Compute(aov, c.Days.Count, recentRetention, options.DiscountRate, options.CustomerLifespanYears));
        }).ToList();

        var status = new KpiStatus(
            now,
            today,
            shop.Currency,
            open,
            onTrack,
            atRisk,
            late,
            inFlight,
            outcomes,
            facts.Skus.Sum(s => (long)s.OnHand),
            onHandValue,
            [.. facts.Skus.Where(s => s.UnitCost is null && s.OnHand > 0).Select(s => s.Sku).Order(StringComparer.Ordinal)],
            [.. facts.Skus
                .Select(s => new SkuSupplyStatus(s.Sku, s.Reserved, s.OnHand, s.Inbound, s.Cap, Math.Max(0, s.Reserved - s.OnHand - s.Inbound)))
                .OrderByDescending(s => s.BeyondConfirmed).ThenByDescending(s => s.Reserved).ThenBy(s => s.Sku, StringComparer.Ordinal)
                .Take(options.OverviewSkus)],
            Enum.GetValues<RfmSegment>().ToDictionary(s => s.ToString(), s => scores.Count(x => x.Segment == s)),
            recentRetention);

        return new KpiSnapshot(
            today,
            shopDays,
            skuDays.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyDictionary<DateOnly, SkuDayFacts>)kv.Value.ToDictionary(
                    d => d.Key,
                    d => new SkuDayFacts(d.Value.Units, d.Value.Revenue, d.Value.UnitsShipped, d.Value.Cogs, d.Value.UnitsReturned, d.Value.Reasons, d.Value.OnHand, d.Value.InventoryValue)),
                StringComparer.Ordinal),
            customerKpis,
            facts.Scorecards,
            status);
    }

    private sealed class DayTally
    {
        public int Orders { get; set; }

        public int Units { get; set; }

        public decimal Revenue { get; set; }

        public int CancelledOrders { get; set; }

        public decimal Refunds { get; set; }

        public int UnitsShipped { get; set; }

        public decimal Cogs { get; set; }

        public int PromisesDue { get; set; }

        public int PromisesKept { get; set; }

        public int UnitsReturned { get; set; }

        public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        public int UnitsRestocked { get; set; }

        public decimal Compensation { get; set; }
    }

    private sealed class SkuTally
    {
        public int Units { get; set; }

        public decimal Revenue { get; set; }

        public int UnitsShipped { get; set; }

        public decimal Cogs { get; set; }

        public int UnitsReturned { get; set; }

        public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        public int? OnHand { get; set; }

        public decimal? InventoryValue { get; set; }
    }
}
