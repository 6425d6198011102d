namespace Presale.Domain.Supply;

/// <summary>
/// Takes shipped units out of a SKU's supply, and puts them back when a shipment's stock is refused: the units leave on
/// hand and the order line's reservation together, so on hand stays what was received, adjusted and restocked less
/// what shipped, and the reservations stay the units of open lines not yet shipped. Pure: the caller writes the result
/// in one transaction.
/// </summary>
public static class ShippedStock
{
    /// <summary>
    /// Takes <paramref name="units"/> shipped units of one order line out of stock: on hand − units, and as many of them
    /// (at most the units it holds) out of the line's <paramref name="reservation"/> — its on-hand units first (they are
    /// what was shipped), then its unsupplied ones, then the latest supply, so what stays reserved keeps the earliest.
    /// When the units shipped were not the line's on-hand units (the line waited on a lot) and on hand no longer covers
    /// the other lines reserved on it, those reservations move to supply with room in <paramref name="sequence"/> order
    /// (the lot the line no longer needs, first of all), or to the shortfall: reconciliation re-plans those orders.
    /// Null when on hand holds fewer than <paramref name="units"/>.
    /// </summary>
    /// <param name="ledger">The SKU's ledger.</param>
    /// <param name="shards">The SKU's shards.</param>
    /// <param name="reservation">The line's reservation parts (empty when it holds none).</param>
    /// <param name="units">Units shipped, at least 1.</param>
    /// <param name="sequence">The ledger's supply keys in sequence order (on hand, lots by date, the cap).</param>
    public static ShippedStockChange? Take(SupplyLedger ledger, IReadOnlyList<AllocationShard> shards, IReadOnlyList<AllocationPart> reservation, int units, IReadOnlyList<string> sequence)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (ledger.AdjustOnHand(-units, out _) is not { } taken)
        {
            return null;
        }

        var rank = sequence.Select((key, i) => (key, i)).ToDictionary(k => k.key, k => k.i, StringComparer.Ordinal);
        var left = Math.Min(units, reservation.Sum(p => p.Quantity));
        var released = shards.ToArray();
        var remaining = new List<AllocationPart>();
        foreach (var part in reservation
            .OrderBy(p => p.Source == SupplySource.OnHand ? 0 : p.Source == SupplySource.Shortfall ? 1 : 2)
            .ThenByDescending(p => rank.GetValueOrDefault(p.Source.Key, int.MaxValue))
            .ThenBy(p => p.Shard))
        {
            var take = Math.Min(left, part.Quantity);
            left -= take;
            if (take > 0)
            {
                var at = Array.FindIndex(released, s => s.Index == part.Shard);
                released[at] = at >= 0
                    ? released[at].Release(part.Source.Key, take)
                    : throw new InvalidOperationException($"The reservation draws on shard {part.Shard}, which the SKU does not have.");
            }

            if (part.Quantity > take)
            {
                remaining.Add(part with { Quantity = part.Quantity - take });
            }
        }

        if (QuotaDistributor.Distribute(released, taken.Targets()) is DistributionResult.Distributed distributed)
        {
            return new ShippedStockChange(taken, distributed.Shards, remaining);
        }

        var desired = ReservationRealigner.Rebase(ReservationRealigner.Reserved(released), taken.Targets(), sequence);
        var rebased = taken.WithShortfall(checked((int)desired.GetValueOrDefault(SupplySource.Shortfall.Key)));
        return QuotaDistributor.Distribute(ReservationRealigner.Realign(released, desired), rebased.Targets()) switch
        {
            DistributionResult.Distributed moved => new ShippedStockChange(rebased, moved.Shards, remaining),
            DistributionResult.BelowReserved below => throw new InvalidOperationException($"Taking {units} shipped units left {below.Reserved} reserved against {below.Target} units of '{below.Key}'."),
            _ => throw new InvalidOperationException("Unknown distribution result."),
        };
    }

    /// <summary>
    /// Puts <paramref name="units"/> units taken for a shipment back on hand, and <paramref name="toReservation"/> of them
    /// back into the line's reservation as on-hand units (they are on hand again), in shards with free on-hand quota.
    /// </summary>
    /// <param name="ledger">The SKU's ledger.</param>
    /// <param name="shards">The SKU's shards.</param>
    /// <param name="units">Units the shipment took off on hand.</param>
    /// <param name="toReservation">Units it took from the line's reservation (at most <paramref name="units"/>).</param>
    /// <exception cref="InvalidOperationException">On hand would exceed <see cref="SupplyLedger.MaxQuantity"/>.</exception>
    public static ShippedStockChange PutBack(SupplyLedger ledger, IReadOnlyList<AllocationShard> shards, int units, int toReservation)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentOutOfRangeException.ThrowIfNegative(toReservation);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toReservation, units);
        var restored = ledger.AdjustOnHand(units, out var error) ?? throw new InvalidOperationException(error);
        if (QuotaDistributor.Distribute(shards, restored.Targets()) is not DistributionResult.Distributed distributed)
        {
            throw new InvalidOperationException("Putting units back on hand left a source below its reservations.");
        }

        // On hand grew by `units` and its reservations did not: at least that many on-hand units are free.
        var result = distributed.Shards.ToArray();
        var parts = new List<AllocationPart>();
        var left = toReservation;
        foreach (var i in Enumerable.Range(0, result.Length).OrderByDescending(i => result[i].Free(SupplySource.OnHand.Key)).ThenBy(i => result[i].Index))
        {
            var take = Math.Min(left, result[i].Free(SupplySource.OnHand.Key));
            if (take > 0)
            {
                result[i] = result[i].Reserve(SupplySource.OnHand.Key, take);
                parts.Add(new AllocationPart(result[i].Index, SupplySource.OnHand, take));
                left -= take;
            }
        }

        return left == 0
            ? new ShippedStockChange(restored, result, parts)
            : throw new InvalidOperationException($"On hand has no room for {left} of the {toReservation} units put back into the reservation.");
    }
}
