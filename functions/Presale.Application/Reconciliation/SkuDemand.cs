using System.Collections.Concurrent;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Reconciliation;

/// <summary>
/// A SKU's demand as one reconcile run read it (<see cref="DemandIndex.ReadAsync"/>): every reservation row with the
/// version it was read at, and the orders read so far. A row plans from its order when the order was read, otherwise
/// from the row's own copy of its order line.
/// </summary>
/// <remarks>
/// The orders held here are the instances the run's order writes record the new plan on (<c>Order.Track</c>, see
/// <see cref="PlanWriter.WriteOrdersAsync"/>), so once those writes are done <see cref="CopyOf"/> gives each row whose
/// order was read the copy of that order as it now stands in storage — what <see cref="DemandIndex.CatchUpAsync"/>
/// writes back to the rows.
/// </remarks>
public sealed class SkuDemand
{
    private readonly ConcurrentDictionary<string, StoredOrder> _orders;
    private readonly Dictionary<string, Reservation> _byOrder;

    internal SkuDemand(IReadOnlyList<(Reservation Reservation, ETag ETag)> rows, ConcurrentDictionary<string, StoredOrder> orders)
    {
        Rows = rows;
        _orders = orders;
        _byOrder = rows.ToDictionary(r => r.Reservation.OrderId, r => r.Reservation, StringComparer.Ordinal);
    }

    /// <summary>The SKU's reservation rows with the versions read, sorted by order and line.</summary>
    public IReadOnlyList<(Reservation Reservation, ETag ETag)> Rows { get; }

    /// <summary>Orders read by id, keyed by order id (filled in parallel while the rows load, and after planning).</summary>
    internal ConcurrentDictionary<string, StoredOrder> Orders => _orders;

    /// <summary>The planner's view of every reservation row, in row order.</summary>
    public IReadOnlyList<OpenOrderDemand> OpenOrders() =>
        [.. Rows.Select(r => SupplyPlanMapping.Demand(r.Reservation, CopyOf(r.Reservation)))];

    /// <summary>The copy of its order line a reservation plans from: the order's when it was read, else the row's own (null when it has none).</summary>
    public ReservationDemand? CopyOf(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return _orders.TryGetValue(reservation.OrderId, out var order) ? SupplyPlanMapping.Copy(order.Order, reservation.LineNumber) : reservation.Demand;
    }

    /// <summary>The order <paramref name="orderId"/> as read, or null when it was not read (or no longer exists).</summary>
    public StoredOrder? OrderOf(string orderId) => _orders.GetValueOrDefault(orderId);

    /// <summary>The reservation row of <paramref name="orderId"/> for this SKU, or null when it holds none.</summary>
    public Reservation? ReservationOf(string orderId) => _byOrder.GetValueOrDefault(orderId);
}
