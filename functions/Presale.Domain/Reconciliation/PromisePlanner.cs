namespace Presale.Domain.Reconciliation;

/// <summary>
/// Re-plans every open order line of one SKU against that SKU's supply: a pure function of (supply, open demand,
/// settings, instant). Because it recomputes from state rather than applying deltas, duplicate, late or reordered
/// reconcile messages are harmless: running it again on its own output changes nothing, and the order in which orders
/// are listed does not matter.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>Orders are ranked by <see cref="PriorityRule"/>: tier, then placement time, then order id (the tier is
/// skipped for first-come-first-served). Order ids must be unique.</item>
/// <item>On-hand units already allocated to an order stay with it (in rank order, as far as on hand still holds them),
/// so a ready-to-ship order is never un-allocated by a later, higher-tier order.</item>
/// <item>In rank order, each order takes the rest of its quantity greedily from on hand, then lots by ETA (ties by lot
/// id; cancelled and empty lots skipped), then the pre-sale cap, then "unsupplied". A higher-ranked order therefore
/// never gets a later estimate than a lower-ranked one (except that kept allocations stay put).</item>
/// <item>Fully on-hand: <see cref="PromiseStatus.ReadyToShip"/>, all units allocated, estimate today + handling days (an
/// order already ready keeps its recorded estimate). Otherwise the estimate is the latest backing source's availability
/// date (today for on hand; the later of ETA and today for a lot) plus handling days, or unknown when any unit is on the
/// cap or unsupplied: OnTrack when the estimate is on or before the promise (or a date is known where the promise was
/// "unknown"), AtRisk otherwise.</item>
/// <item>Notifications: ReadyToShip when newly ready; AtRisk when newly undated; Delayed when the estimate is a date
/// later than the promise and differs from the recorded one (or the order was not at risk); BackOnTrack when an at-risk
/// order is on track again. Other changes (pegs moved, an earlier date within the promise) are written silently.</item>
/// </list>
/// <para>Cost: one sort of the orders (O(n log n)) and one linear pass; allocations are a few arrays of n entries plus one
/// <see cref="OrderChange"/> per changed order.</para>
/// </remarks>
public static class PromisePlanner
{
    /// <summary>Re-plans <paramref name="orders"/> against <paramref name="supply"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentException">An order quantity is not positive, an allocation is negative, or order or lot ids repeat.</exception>
    public static ReconciliationPlan Replan(SupplySnapshot supply, IReadOnlyList<OpenOrderDemand> orders, ReplanSettings settings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(settings);

        var calendar = settings.Calendar;
        var today = calendar.LocalDate(asOf);
        var sources = BuildSources(supply, today);
        var ranked = Rank(orders, settings.Priority);
        var n = ranked.Length;

        // Pass 1: allocations already held stay with their orders, in rank order, as far as on hand still holds them.
        var onHandPool = Math.Max(0, supply.OnHand);
        var kept = new int[n];
        var keptOrders = 0;
        for (var r = 0; r < n; r++)
        {
            var order = orders[ranked[r].Index];
            var held = Math.Min(order.AllocatedUnits, order.Quantity);
            var take = Math.Min(held, onHandPool);
            kept[r] = take;
            onHandPool -= take;
            keptOrders += take > 0 ? 1 : 0;
        }

        // Pass 2: hand out the rest greedily in rank order along the source sequence.
        var remaining = new long[sources.Length];
        for (var s = 0; s < sources.Length; s++)
        {
            remaining[s] = sources[s].Available;
        }

        remaining[0] = onHandPool;
        remaining[^1] = long.MaxValue;
        var estimates = new DateOnly?[sources.Length];
        for (var s = 0; s < sources.Length; s++)
        {
            estimates[s] = sources[s].AvailableOn is { } on ? calendar.EstimateFor(on) : null;
        }

        var pegged = new long[sources.Length];
        var orderCounts = new int[sources.Length];
        var earliestPromise = new DateOnly?[sources.Length];

        // Each order writes at most one on-hand peg plus one peg per source the cursor visits while serving it.
        var pegs = new Peg[n + keptOrders + sources.Length];
        var pegCount = 0;
        var plans = new OrderPlan[n];
        var changes = new List<OrderChange>();
        var cursor = 1;
        var readyEstimate = calendar.EstimateFor(today);

        for (var r = 0; r < n; r++)
        {
            var order = orders[ranked[r].Index];
            var need = order.Quantity - kept[r];
            var pegStart = pegCount;

            var fromShelf = (int)Math.Min(need, remaining[0]);
            remaining[0] -= fromShelf;
            need -= fromShelf;
            var onHand = kept[r] + fromShelf;
            var latest = -1;
            if (onHand > 0)
            {
                pegs[pegCount++] = new Peg(sources[0].Source, onHand);
                Count(0, onHand, order.PromiseDate);
                latest = 0;
            }

            while (need > 0)
            {
                while (remaining[cursor] == 0)
                {
                    cursor++;
                }

                var take = (int)Math.Min(need, remaining[cursor]);
                if (cursor != sources.Length - 1)
                {
                    remaining[cursor] -= take;
                }

                need -= take;
                pegs[pegCount++] = new Peg(sources[cursor].Source, take);
                Count(cursor, take, order.PromiseDate);
                latest = cursor;
            }

            PromiseStatus status;
            DateOnly? estimate;
            int allocated;
            if (onHand == order.Quantity)
            {
                status = PromiseStatus.ReadyToShip;
                estimate = order.Status == PromiseStatus.ReadyToShip && order.Estimate is { } recorded ? recorded : readyEstimate;
                allocated = order.Quantity;
            }
            else
            {
                estimate = estimates[latest];
                allocated = kept[r];
                status = estimate is not { } date ? PromiseStatus.AtRisk
                    : order.PromiseDate is not { } promise || date <= promise ? PromiseStatus.OnTrack
                    : PromiseStatus.AtRisk;
            }

            var plan = new OrderPlan(order.OrderId, order.Quantity, status, estimate, allocated, pegs.AsMemory(pegStart, pegCount - pegStart));
            plans[r] = plan;
            if (status != order.Status || estimate != order.Estimate || allocated != order.AllocatedUnits
                || !SamePegs(order.Pegs, pegs.AsSpan(pegStart, pegCount - pegStart)))
            {
                changes.Add(new OrderChange(plan, order.Status, order.Estimate, Notify(supply.Sku, order, status, estimate)));
            }
        }

        var demand = new SourceDemand[sources.Length];
        for (var s = 0; s < sources.Length; s++)
        {
            var source = sources[s];
            demand[s] = new SourceDemand(source.Source, source.SupplierId, source.Available, source.AvailableOn, pegged[s], orderCounts[s], earliestPromise[s]);
        }

        return new ReconciliationPlan(supply.Sku, today, plans, changes, demand);

        void Count(int source, int units, DateOnly? promise)
        {
            pegged[source] += units;
            orderCounts[source]++;
            if (promise is { } p && (earliestPromise[source] is not { } e || p < e))
            {
                earliestPromise[source] = p;
            }
        }
    }

    private static PromiseNotification? Notify(Common.Sku sku, OpenOrderDemand order, PromiseStatus status, DateOnly? estimate)
    {
        PromiseNotificationKind? kind = status switch
        {
            PromiseStatus.ReadyToShip when order.Status != PromiseStatus.ReadyToShip => PromiseNotificationKind.ReadyToShip,
            PromiseStatus.AtRisk when estimate is null && (order.Status != PromiseStatus.AtRisk || order.Estimate is not null) =>
                PromiseNotificationKind.AtRisk,
            PromiseStatus.AtRisk when estimate is not null && (order.Status != PromiseStatus.AtRisk || order.Estimate != estimate) =>
                PromiseNotificationKind.Delayed,
            PromiseStatus.OnTrack when order.Status == PromiseStatus.AtRisk => PromiseNotificationKind.BackOnTrack,
            _ => null,
        };
        return kind is { } k ? new PromiseNotification(order.OrderId, sku, k, order.PromiseDate, estimate) : null;
    }

    private static bool SamePegs(IReadOnlyList<Peg> recorded, ReadOnlySpan<Peg> planned)
    {
        if (recorded.Count != planned.Length)
        {
            return false;
        }

        for (var i = 0; i < planned.Length; i++)
        {
            if (recorded[i] != planned[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>On hand, usable lots by (ETA, lot id), the cap, unsupplied — the order supply is consumed in.</summary>
    private static SourceDemand[] BuildSources(SupplySnapshot supply, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(supply.Lots);
        var lots = supply.Lots.Where(l => !l.Cancelled && l.Quantity > 0)
            .OrderBy(l => l.Eta).ThenBy(l => l.LotId, StringComparer.Ordinal)
            .ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lot in supply.Lots)
        {
            if (!ids.Add(lot.LotId))
            {
                throw new ArgumentException($"Lot '{lot.LotId}' appears more than once in the supply of {supply.Sku}.", nameof(supply));
            }
        }

        var sources = new SourceDemand[lots.Length + 3];
        sources[0] = new SourceDemand(SupplySource.OnHand, null, Math.Max(0, supply.OnHand), today, 0, 0, null);
        for (var i = 0; i < lots.Length; i++)
        {
            var lot = lots[i];
            sources[i + 1] = new SourceDemand(SupplySource.Lot(lot.LotId), lot.SupplierId, lot.Quantity, lot.Eta > today ? lot.Eta : today, 0, 0, null);
        }

        sources[^2] = new SourceDemand(SupplySource.PreSaleCap, null, Math.Max(0, supply.PreSaleCap), null, 0, 0, null);
        sources[^1] = new SourceDemand(SupplySource.Unsupplied, null, 0, null, 0, 0, null);
        return sources;
    }

    /// <summary>Sorts order positions by rank; rejects invalid quantities and repeated ids.</summary>
    private static RankKey[] Rank(IReadOnlyList<OpenOrderDemand> orders, PriorityRule priority)
    {
        var keys = new RankKey[orders.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var order = orders[i] ?? throw new ArgumentException("An order is null.", nameof(orders));
            if (order.Quantity <= 0)
            {
                throw new ArgumentException($"Order '{order.OrderId}' has quantity {order.Quantity}; it must be positive.", nameof(orders));
            }

            if (order.AllocatedUnits < 0)
            {
                throw new ArgumentException($"Order '{order.OrderId}' has a negative allocation.", nameof(orders));
            }

            var tier = priority == PriorityRule.FirstComeFirstServed ? 0 : (int)order.Tier;
            keys[i] = new RankKey(tier, order.PlacedAt.UtcTicks, order.OrderId, i);
        }

        Array.Sort(keys);

        // Equal ids with equal tier and time sort next to each other; ids must be unique for the ranking to be total.
        for (var i = 1; i < keys.Length; i++)
        {
            if (string.Equals(keys[i].OrderId, keys[i - 1].OrderId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Order '{keys[i].OrderId}' appears more than once.", nameof(orders));
            }
        }

        return keys;
    }

    private readonly record struct RankKey(int Tier, long PlacedTicks, string OrderId, int Index) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var byTier = Tier.CompareTo(other.Tier);
            if (byTier != 0)
            {
                return byTier;
            }

            var byTime = PlacedTicks.CompareTo(other.PlacedTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(OrderId, other.OrderId);
        }
    }
}
