using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Takes a shipment's units of one order line out of a SKU's stock, and gives them back when the shipment's stock is
/// refused. Each is one entity-group transaction in the SKU's partition, conditioned on what it was computed from: the
/// ledger (on hand), every shard (quotas and reservations, see <see cref="ShippedStock"/>), the line's reservation row
/// and the shipment attempt's stock row (<c>6|ship|{orderId}|{attempt}|{shipmentId}</c>). The stock row makes both
/// idempotent and final: an attempt's stock is taken at most once and given back at most once, and once given back — or
/// refused before anything was taken — it is never taken, however late another caller arrives.
/// </summary>
public sealed class ShipmentStockStore(SupplyStore supply, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>
    /// Takes <paramref name="units"/> units of <paramref name="sku"/> shipped for line <paramref name="lineNumber"/> of
    /// <paramref name="orderId"/> (shipment <paramref name="shipmentId"/>, attempt <paramref name="attempt"/>) out of on
    /// hand and out of the line's reservation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The SKU has no supply (it never had, so no order line of it was reserved).</exception>
    public async Task<StockTake> TakeAsync(Sku sku, string orderId, int lineNumber, int attempt, string shipmentId, int units, CancellationToken cancellationToken)
    {
        var rowKey = SupplyRows.ShipmentStock(orderId, attempt, shipmentId);
        for (var round = 1; ; round++)
        {
            await ConflictBackoff.DelayAsync(round, random, cancellationToken).ConfigureAwait(false);
            if (await supply.GetRowAsync(sku, rowKey, cancellationToken).ConfigureAwait(false) is { } recorded)
            {
                return Read(recorded);
            }

            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"SKU {sku} has no supply to take the shipped units of order {orderId} from.");
            if (!state.IsConsistent)
            {
                continue;
            }

            var now = timeProvider.GetUtcNow();
            var reservationRow = await supply.GetRowAsync(sku, SupplyRows.Reservation(orderId, lineNumber), cancellationToken).ConfigureAwait(false);
            var reservation = reservationRow is null ? null : SupplyRows.ReadReservation(reservationRow);
            var change = ShippedStock.Take(state.Ledger, state.AllocationShards, reservation?.Parts ?? [], units, Sequence(state, now));
            if (change is null)
            {
                // Another caller finishing the same shipment may have taken it just before this read.
                return await supply.GetRowAsync(sku, rowKey, cancellationToken).ConfigureAwait(false) is { } late
                    ? Read(late)
                    : new StockTake.Short(state.Ledger.OnHand);
            }

            var reservedUnits = (reservation?.Parts.Sum(p => p.Quantity) ?? 0) - change.Parts.Sum(p => p.Quantity);
            var operations = new List<TableOperation>(2);
            if (reservationRow is not null && reservation is not null)
            {
                operations.Add(change.Parts.Count == 0
                    ? TableOperation.Delete(reservationRow.PartitionKey, reservationRow.RowKey, reservationRow.ETag)
                    : TableOperation.Replace(SupplyRows.ReservationEntity(sku, reservation with { Quantity = reservation.Quantity - reservedUnits, Parts = change.Parts }), reservationRow.ETag));
            }

            operations.Add(TableOperation.Insert(SupplyRows.ShipmentStockEntity(sku, rowKey, SupplyRows.ShipmentStockTaken, shipmentId, lineNumber, units, reservedUnits, now, reservationRow)));
            switch (await supply.CommitAsync(state, change.Ledger, change.Shards, operations, cancellationToken).ConfigureAwait(false))
            {
                case LedgerWrite.CommittedWrite:
                    return new StockTake.Taken();
                case LedgerWrite.BelowReservedWrite below:
                    throw new InvalidOperationException($"Taking shipped units of SKU {sku} left source {below.Key} below its reservations.");
                default:
                    continue; // a concurrent change, or the stock row written meanwhile: read again
            }
        }
    }

    /// <summary>
    /// Gives back what shipment <paramref name="shipmentId"/> (attempt <paramref name="attempt"/>) took of
    /// <paramref name="sku"/> for line <paramref name="lineNumber"/> of <paramref name="orderId"/>: its units back on hand
    /// and into the line's reservation (as on-hand units), and the stock row marked given back. When nothing was taken,
    /// the row is written given back all the same, so a late caller can no longer take it.
    /// </summary>
    public async Task GiveBackAsync(Sku sku, string orderId, int lineNumber, int attempt, string shipmentId, CancellationToken cancellationToken)
    {
        var rowKey = SupplyRows.ShipmentStock(orderId, attempt, shipmentId);
        for (var round = 1; ; round++)
        {
            await ConflictBackoff.DelayAsync(round, random, cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var recorded = await supply.GetRowAsync(sku, rowKey, cancellationToken).ConfigureAwait(false);
            if (recorded is null)
            {
                var refused = SupplyRows.ShipmentStockEntity(sku, rowKey, SupplyRows.ShipmentStockGivenBack, shipmentId, lineNumber, 0, 0, now, null);
                if (await supply.TryInsertRowAsync(refused, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (Read(recorded) is StockTake.GivenBack)
            {
                return;
            }

            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"SKU {sku} has no supply to give the units of shipment {shipmentId} back to.");
            if (!state.IsConsistent)
            {
                continue;
            }

            var reservedUnits = recorded.GetInt32("ReservedUnits") ?? 0;
            var change = ShippedStock.PutBack(state.Ledger, state.AllocationShards, recorded.GetInt32("ShippedUnits") ?? 0, reservedUnits);
            var operations = new List<TableOperation>(2);
            if (reservedUnits > 0)
            {
                var reservationRow = await supply.GetRowAsync(sku, SupplyRows.Reservation(orderId, lineNumber), cancellationToken).ConfigureAwait(false);
                operations.Add(reservationRow is null
                    ? TableOperation.Insert(SupplyRows.ReservationEntity(sku, SupplyRows.ReadReservation(recorded) with { Quantity = reservedUnits, Parts = change.Parts }))
                    : TableOperation.Replace(SupplyRows.ReservationEntity(sku, Add(SupplyRows.ReadReservation(reservationRow), reservedUnits, change.Parts)), reservationRow.ETag));
            }

            operations.Add(TableOperation.Replace(recorded.With("State", SupplyRows.ShipmentStockGivenBack).With("At", now), recorded.ETag));
            switch (await supply.CommitAsync(state, change.Ledger, change.Shards, operations, cancellationToken).ConfigureAwait(false))
            {
                case LedgerWrite.CommittedWrite:
                    return;
                case LedgerWrite.BelowReservedWrite below:
                    throw new InvalidOperationException($"Giving back shipped units of SKU {sku} left source {below.Key} below its reservations.");
                default:
                    continue;
            }
        }
    }

    private static StockTake Read(TableEntity row) =>
        row.GetString("State") == SupplyRows.ShipmentStockGivenBack ? new StockTake.GivenBack() : new StockTake.Taken();

    private static Reservation Add(Reservation reservation, int units, IReadOnlyList<AllocationPart> parts) => reservation with
    {
        Quantity = reservation.Quantity + units,
        Parts = [.. reservation.Parts.Concat(parts).GroupBy(p => (p.Shard, p.Source)).Select(g => new AllocationPart(g.Key.Shard, g.Key.Source, g.Sum(p => p.Quantity)))],
    };

    // Where reservations that on hand no longer covers move to: the ledger's sequence (on hand, lots by date, the cap).
    // Only the order matters, so today's date in UTC serves.
    private static List<string> Sequence(SkuState state, DateTimeOffset now) =>
        [.. state.Sequence(DateOnly.FromDateTime(now.UtcDateTime)).Select(s => s.Source.Key)];
}
