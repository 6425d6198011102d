using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Domain.Common;
using Presale.Domain.Shop;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Reserves order lines without oversell and without a hot SKU queueing on one entity: the allocation is computed
/// from a snapshot of the SKU's shards, then written conditioned on the shards it touches; on a conflict the state is
/// read again, the line's orderability checked again on it, and the next shard in turn is tried after a jittered pause.
/// Lots are sequenced and promised at their buffered dates (<see cref="SupplierSlips"/>), as quotes show them.
/// </summary>
public sealed class ReservationService(SupplyStore supply, RandomSource random, TimeProvider timeProvider, Reconciliation.SupplierPromiseBuffers? buffers = null)
{
    private readonly SupplierSlips _slips = new(buffers);

    /// <summary>
    /// Where this instance's next placement starts looking among the shards with free units: it turns by one on every
    /// pick from a random start, so placements running together in one instance start on different shards (a random
    /// pick each would put two on one shard far more often, and one of them would have to retry), while instances
    /// start apart.
    /// </summary>
    private int _turn = random.Next(int.MaxValue);

    /// <summary>The slip buffers the sequence of <paramref name="ledger"/> uses (see <see cref="SupplierSlips"/>).</summary>
    public Task<IReadOnlyDictionary<string, PromiseBuffer>> SlipsAsync(SupplyLedger ledger, CancellationToken cancellationToken) =>
        _slips.ForAsync(ledger, cancellationToken);

    /// <summary>
    /// Reserves <paramref name="quantity"/> units of <paramref name="sku"/> for line <paramref name="lineNumber"/> of an
    /// order. <paramref name="snapshot"/>, when given, is used for the first attempt (saving a read). When
    /// <paramref name="resumed"/> (an earlier attempt of the same order may have run), a reservation the line already
    /// holds is returned as it is, so the order's own units never count against it; the same holds whenever supply
    /// looks short, for an attempt running beside this one.
    /// </summary>
    public async Task<ReserveOutcome> ReserveAsync(Sku sku, string orderId, int lineNumber, int quantity, ShopSettings shop, SkuState? snapshot, bool resumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (resumed && await supply.GetReservationAsync(sku, orderId, lineNumber, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return new ReserveOutcome.Reserved(held);
        }

        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var state = attempt == 1 && snapshot is not null ? snapshot : await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();

            // Settings may have changed since the order was checked (pre-sale switched off, window closed, maximum lowered).
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            Orderability.Check(lineNumber - 1, sku.Value, quantity, state, now, errors);
            if (errors.Count > 0)
            {
                return new ReserveOutcome.NotOrderable(errors);
            }

            if (!state!.IsConsistent)
            {
                continue;
            }

            var handling = state.Settings.EffectiveHandlingDays(shop);
            var slips = await _slips.ForAsync(state.Ledger, cancellationToken).ConfigureAwait(false);
            var allocation = SupplyAllocator.Allocate(state.AllocationShards, state.Sequence(shop.LocalDate(now), slips), quantity, NextShard);
            if (allocation is AllocationResult.Short shortage)
            {
                // Short may only be because another attempt of this order holds the line already.
                return await supply.GetReservationAsync(sku, orderId, lineNumber, cancellationToken).ConfigureAwait(false) is { } own
                    ? new ReserveOutcome.Reserved(own)
                    : new ReserveOutcome.Short(shortage.Available, shortage.LastAvailable is { } last ? PromiseCalculator.Promise(last, handling) : null);
            }

            var allocated = (AllocationResult.Allocated)allocation;
            var promise = new LinePromise(PromiseCalculator.Promise(allocated.Backing, handling), allocated.Backing.Source);
            var reservation = new Reservation(orderId, lineNumber, quantity, allocated.Parts, promise, now);
            switch (await supply.TryReserveAsync(state, reservation, allocated.ChangedShards, cancellationToken).ConfigureAwait(false))
            {
                case ReserveWrite.Reserved:
                    return new ReserveOutcome.Reserved(reservation);
                case ReserveWrite.AlreadyReserved:
                    if (await supply.GetReservationAsync(sku, orderId, lineNumber, cancellationToken).ConfigureAwait(false) is { } existing)
                    {
                        return new ReserveOutcome.Reserved(existing);
                    }

                    continue; // Released between the two calls: reserve again.
                default:
                    continue;
            }
        }
    }

    private int NextShard(int candidates) => (int)((uint)Interlocked.Increment(ref _turn) % (uint)candidates);
}
