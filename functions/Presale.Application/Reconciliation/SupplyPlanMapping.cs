using Presale.Application.Supply;
using Presale.Domain.Catalog;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;
using Presale.Domain.Shop;
using Presale.Domain.Supply;
using LedgerSource = Presale.Domain.Supply.SupplySource;
using PlanLot = Presale.Domain.Reconciliation.InboundLot;
using PlanSource = Presale.Domain.Reconciliation.SupplySource;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Translates between a SKU's stored supply (ledger, reservations, orders) and the planner's model
/// (<see cref="SupplySnapshot"/>, <see cref="OpenOrderDemand"/>, <see cref="ReconciliationPlan"/>).
/// </summary>
/// <remarks>
/// <para>A ledger lot becomes a planner lot whose id is the ledger's source key (<c>lot/{supplier}/{lot}</c>), so lots
/// of different suppliers never clash. The pre-sale cap becomes a planner lot too (<see cref="CapLotId"/>), dated as
/// the ledger dates it for new promises (<c>capLeadDays</c> after the last confirmed supply): an order promised from
/// the cap keeps a date and stays on track instead of being reported at risk on its first reconciliation. Its id sorts
/// after every <c>lot/…</c> key, so on an equal date real lots are consumed first, as at placement.</para>
/// <para>Planner sources map back to ledger keys: on hand → <c>onhand</c>, a lot → its key, the cap → <c>cap</c>,
/// unsupplied → <c>short</c> (<see cref="LedgerSource.Shortfall"/>).</para>
/// </remarks>
public static class SupplyPlanMapping
{
    /// <summary>The planner lot id standing for the pre-sale cap.</summary>
    public const string CapLotId = "~cap";

    /// <summary>The planner's view of <paramref name="ledger"/> as of <paramref name="today"/>.</summary>
    public static SupplySnapshot Snapshot(SkuSettings settings, SupplyLedger ledger, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ledger);
        var lots = new List<PlanLot>(ledger.Lots.Count + 1);
        foreach (var lot in ledger.Lots)
        {
            lots.Add(new PlanLot(lot.Source.Key, lot.SupplierId, lot.Eta, lot.Quantity));
        }

        var capDate = ledger.Sequence(today, settings.CapLeadDays)[^1].AvailableOn;
        lots.Add(new PlanLot(CapLotId, string.Empty, capDate, ledger.Cap));
        return new SupplySnapshot(settings.Sku, ledger.OnHand, lots, PreSaleCap: 0);
    }

    /// <summary>How the SKU is re-planned: the configured priority rule, the shop's zone and the SKU's handling days.</summary>
    public static ReplanSettings Settings(SkuSettings settings, ShopSettings shop, PriorityRule priority)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shop);
        return new ReplanSettings(priority, new PromiseCalendar(TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId), settings.EffectiveHandlingDays(shop)));
    }

    /// <summary>
    /// One order line's demand for the SKU: the reservation's units and promise, with the tier, placement time and
    /// tracking of <paramref name="copy"/> (the order line's, read from the order or from the reservation row's copy of
    /// it). Without a copy (a placement still being written, or a leftover) the reservation alone stands in: standard
    /// tier, queued at its reservation time, never planned.
    /// </summary>
    public static OpenOrderDemand Demand(Reservation reservation, ReservationDemand? copy)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var tracking = copy?.Tracking;
        return new OpenOrderDemand(
            reservation.OrderId,
            copy?.Tier ?? Domain.Common.CustomerTier.Standard,
            copy?.PlacedAt ?? reservation.ReservedAt,
            reservation.Quantity,
            reservation.Promise.PromisedOn,
            tracking?.Status ?? PromiseStatus.OnTrack,
            tracking?.Estimate,
            Math.Min(tracking?.AllocatedUnits ?? 0, reservation.Quantity),
            tracking?.Pegs);
    }

    /// <summary>What a reservation row copies of line <paramref name="lineNumber"/> of <paramref name="order"/>.</summary>
    public static ReservationDemand Copy(Order order, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ReservationDemand(order.Tier, order.PlacedAt, order.Lines.FirstOrDefault(l => l.LineNumber == lineNumber)?.Tracking);
    }

    /// <summary>Whether two copies hold the same (tracking compared as stored).</summary>
    public static bool SameCopy(ReservationDemand? a, ReservationDemand? b) =>
        ReferenceEquals(a, b)
        || (a?.Tier == b?.Tier
            && a?.PlacedAt == b?.PlacedAt
            && string.Equals(Orders.TrackingDocument.Serialize(a?.Tracking), Orders.TrackingDocument.Serialize(b?.Tracking), StringComparison.Ordinal));

    /// <summary>The ledger source key a planner source stands for.</summary>
    public static string LedgerKey(PlanSource source) => source.Kind switch
    {
        SupplySourceKind.OnHand => LedgerSource.OnHand.Key,
        SupplySourceKind.Lot when source.LotId == CapLotId => LedgerSource.Cap.Key,
        SupplySourceKind.Lot => source.LotId!,
        SupplySourceKind.PreSaleCap => LedgerSource.Cap.Key,
        _ => LedgerSource.Shortfall.Key,
    };

    /// <summary>Units the plan pegs to each ledger source key (the shortfall for unsupplied units).</summary>
    public static IReadOnlyDictionary<string, long> PeggedByKey(ReconciliationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pegged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in plan.Sources)
        {
            var key = LedgerKey(source.Source);
            pegged[key] = pegged.GetValueOrDefault(key) + source.PeggedUnits;
        }

        return pegged;
    }

    /// <summary>The tracking a planned order line records.</summary>
    public static LineTracking Tracking(OrderPlan plan, long planVersion, DateTimeOffset plannedAt) =>
        new(plan.Status, plan.Estimate, plan.AllocatedUnits, plan.Pegs.ToArray(), planVersion, plannedAt);

    /// <summary>The supplier and lot of a planner lot source that is a real lot (not the cap), or null.</summary>
    public static (string SupplierId, string LotId)? Lot(PlanSource source)
    {
        if (source.Kind != SupplySourceKind.Lot || source.LotId == CapLotId)
        {
            return null;
        }

        var ledger = LedgerSource.FromKey(source.LotId!);
        return (ledger.SupplierId!, ledger.LotId!);
    }
}
