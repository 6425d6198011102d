using System.Collections.Concurrent;
using System.Threading.Channels;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// A SKU's demand index: each reservation row keeps a copy of its order line (tier, placement time, tracking), so a
/// reconcile can plan from the rows instead of reading every order. This type reads the index, decides when its copies
/// can be trusted, and keeps them in step with the orders (docs/reconciliation.md, "Demand index").
/// </summary>
/// <remarks>
/// <para>The order is the record; a copy may stand in for it only while it is known to mirror it, which the plan fence
/// (<see cref="PlanFence"/>) tracks. What this type guarantees:</para>
/// <list type="bullet">
/// <item>Copies are planned from only when the latest plan is <see cref="PlanFence.Completed"/>; otherwise every order
/// is read (<see cref="ReadAsync"/>). Rows without a copy always have their order read.</item>
/// <item>A run records with its plan until when runs of earlier plans could still write and whether it started after
/// that (<see cref="EarlierWriters"/>); only such a clean run can leave a complete plan, because no earlier run can
/// overwrite a row after it read it.</item>
/// <item>After a run's order writes, every row whose order was read carries a copy of that order as written, and every
/// row of an order the plan has ready to ship is labelled on hand (<see cref="CatchUpAsync"/>). This is derived from
/// state, so a run that died before it is completed by the next one, and repeating it writes nothing. The plan is
/// marked finished only when no row changed under the run.</item>
/// </list>
/// </remarks>
public sealed class DemandIndex(ReconciliationStore plans, OrderRepository orders, ReconciliationOptions options, TimeProvider timeProvider)
{
    /// <summary>How long after its deadline a run's last write may still land (a request in flight when it was cancelled).</summary>
    private static readonly TimeSpan WritesInFlight = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What a run that read <paramref name="fence"/> records with the plan it takes: until when runs of earlier plans
    /// could still write — the latest plan's run unless it finished (or is this run's own earlier attempt,
    /// <paramref name="ownPlan"/>), up to its deadline, and whatever runs that one saw — and whether this run is clean:
    /// it read the fence after that instant. Call it right after reading the fence.
    /// </summary>
    public (DateTimeOffset? Until, bool Clean) EarlierWriters(PlanFence fence, long ownPlan)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var until = fence.Finished || fence.Version == 0 || fence.Version == ownPlan
            ? fence.WritersUntil
            : Latest(fence.WritersUntil, fence.PlannedAt + options.RunTimeout + WritesInFlight);
        return (until, until is not { } at || timeProvider.GetUtcNow() > at);
    }

    /// <summary>
    /// The SKU's reservation rows with the orders the plan needs: after a complete plan (<paramref name="fence"/>) only
    /// those of rows without a copy, otherwise those of every row — read by id, <see cref="ReconciliationOptions.ReadConcurrency"/>
    /// in flight, while later pages of rows still load.
    /// </summary>
    public async Task<SkuDemand> ReadAsync(Sku sku, PlanFence fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var everyOrder = !fence.Completed;
        var found = new ConcurrentDictionary<string, StoredOrder>(StringComparer.Ordinal);
        var rows = new List<(Reservation Reservation, ETag ETag)>();
        var toRead = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = true });
        var reads = ReadOrdersAsync(toRead.Reader.ReadAllAsync(cancellationToken), found, cancellationToken);
        try
        {
            await foreach (var row in plans.ReservationsAsync(sku, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
                if (everyOrder || row.Reservation.Demand is null)
                {
                    toRead.Writer.TryWrite(row.Reservation.OrderId);
                }
            }
        }
        finally
        {
            toRead.Writer.Complete();
        }

        await reads.ConfigureAwait(false);

        // Sorted by row key: the planner is indifferent to the order, tests and logs are not.
        return new SkuDemand([.. rows.OrderBy(r => r.Reservation.OrderId, StringComparer.Ordinal).ThenBy(r => r.Reservation.LineNumber)], found);
    }

    /// <summary>Reads the orders <paramref name="plan"/> changes that were planned from their rows' copies (the writes need them).</summary>
    public Task ReadChangedOrdersAsync(SkuDemand demand, ReconciliationPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(plan);
        return ReadOrdersAsync(plan.Changes.Select(c => c.OrderId).Where(id => !demand.Orders.ContainsKey(id)), demand.Orders, cancellationToken);
    }

    /// <summary>
    /// Brings the SKU's reservation rows in step once plan <paramref name="planVersion"/>'s orders are written: each row
    /// whose order was read gets a copy of its order line as the order now stands, and the row of every order the plan
    /// has ready to ship that still names another source is relabelled on hand (same shards, same units), so releasing
    /// it later gives back on-hand units. Each row is written under the version read; rows already in step are skipped.
    /// When no row had changed under the run, marks the plan finished on the fence.
    /// </summary>
    public async Task CatchUpAsync(Sku sku, ReconciliationPlan plan, long planVersion, SkuDemand demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(demand);
        var readyOrders = plan.Orders.Where(o => o.Status == PromiseStatus.ReadyToShip).Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var rewrites = new List<(Reservation Reservation, ETag ETag)>();
        foreach (var (reservation, etag) in demand.Rows)
        {
            var copy = demand.CopyOf(reservation);
            var relabel = readyOrders.Contains(reservation.OrderId) && reservation.Parts.Any(p => p.Source != Domain.Supply.SupplySource.OnHand);
            if (!relabel && SupplyPlanMapping.SameCopy(copy, reservation.Demand))
            {
                continue;
            }

            var parts = relabel
                ? [.. reservation.Parts.GroupBy(p => p.Shard).Select(g => new AllocationPart(g.Key, Domain.Supply.SupplySource.OnHand, g.Sum(p => p.Quantity)))]
                : reservation.Parts;
            rewrites.Add((reservation with { Parts = parts, Demand = copy }, etag));
        }

        // A row changed by someone else meanwhile cannot be known to mirror its order: the plan stays unfinished.
        var changedUnderRun = rewrites.Count == 0 ? 0 : await plans.RewriteReservationsAsync(sku, rewrites, cancellationToken).ConfigureAwait(false);
        if (changedUnderRun == 0)
        {
            await plans.FinishAsync(sku, planVersion, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    /// <summary>Reads the orders <paramref name="ids"/> into <paramref name="found"/>, in parallel.</summary>
    private Task ReadOrdersAsync(IEnumerable<string> ids, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, Reading(cancellationToken), (id, token) => new ValueTask(ReadOrderAsync(id, found, token)));

    /// <inheritdoc cref="ReadOrdersAsync(IEnumerable{string}, ConcurrentDictionary{string, StoredOrder}, CancellationToken)"/>
    private Task ReadOrdersAsync(IAsyncEnumerable<string> ids, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(ids, Reading(cancellationToken), (id, token) => new ValueTask(ReadOrderAsync(id, found, token)));

    private ParallelOptions Reading(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.ReadConcurrency, CancellationToken = cancellationToken };

    private async Task ReadOrderAsync(string id, ConcurrentDictionary<string, StoredOrder> found, CancellationToken cancellationToken)
    {
        if (!found.ContainsKey(id) && await orders.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } order)
        {
            found[id] = order;
        }
    }
}
