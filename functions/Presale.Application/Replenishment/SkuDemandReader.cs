using Presale.Application.Reconciliation;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Replenishment;

/// <summary>
/// Reads a SKU's supply state (one range query) and its reservation rows (<see cref="ReconciliationStore.ReservationsAsync"/>,
/// one paged range query of the same partition): every unit pre-sold or sold and not yet shipped holds a reservation naming the supply it was taken from,
/// its promise and when it was reserved. Units from the cap or the shortfall have no confirmed supply behind them.
/// </summary>
public sealed class SkuDemandReader(ReconciliationStore reservationRows, SupplyStore supply)
{
    /// <summary>The SKU's snapshot, or null for an unknown SKU.</summary>
    public async Task<SkuDemandSnapshot?> ReadAsync(Sku sku, ShopSettings shop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return null;
        }

        var reservations = new List<Reservation>();
        await foreach (var (reservation, _) in reservationRows.ReservationsAsync(sku, cancellationToken).ConfigureAwait(false))
        {
            reservations.Add(reservation);
        }

        long uncovered = 0;
        DateOnly? earliest = null;
        foreach (var reservation in reservations)
        {
            var units = reservation.Parts.Where(p => p.Source.Kind is SupplyKind.Cap or SupplyKind.Shortfall).Sum(p => (long)p.Quantity);
            if (units > 0)
            {
                uncovered += units;
                earliest = earliest is { } e && e <= reservation.Promise.PromisedOn ? e : reservation.Promise.PromisedOn;
            }
        }

        return new SkuDemandSnapshot(state, reservations, uncovered, earliest, state.Settings.EffectiveHandlingDays(shop));
    }

    /// <summary>Units reserved per shop-local day over the <paramref name="days"/> days before <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<int> DailyDemand(SkuDemandSnapshot snapshot, ShopSettings shop, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(shop);
        var first = today.AddDays(-days);
        var daily = new int[days];
        foreach (var reservation in snapshot.Reservations)
        {
            var day = shop.LocalDate(reservation.ReservedAt).DayNumber - first.DayNumber;
            if (day >= 0 && day < days)
            {
                daily[day] += reservation.Quantity;
            }
        }

        return daily;
    }
}
