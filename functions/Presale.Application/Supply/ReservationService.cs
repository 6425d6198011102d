using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Reserves order lines without oversell and without a hot SKU queueing on one entity: the allocation is computed
/// from a snapshot of the SKU's shards, then written conditioned on the shards it touches; on a conflict the state is
/// read again and another (random) shard is tried after a jittered pause.
/// </summary>
public sealed class ReservationService(SupplyStore supply, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>
    /// Reserves <paramref name="quantity"/> units of <paramref name="sku"/> for an order line. <paramref name="snapshot"/>,
    /// when given, is used for the first attempt (saving a read).
    /// </summary>
    public async Task<ReserveOutcome> ReserveAsync(Sku sku, string orderId, int lineNumber, int quantity, ShopSettings shop, SkuState? snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var state = attempt == 1 && snapshot is not null ? snapshot : await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return new ReserveOutcome.UnknownSku();
            }

            if (!state.IsConsistent)
            {
                continue;
            }

            var now = timeProvider.GetUtcNow();
            var handling = state.Settings.EffectiveHandlingDays(shop);
            var allocation = SupplyAllocator.Allocate(state.AllocationShards, state.Sequence(shop.LocalDate(now)), quantity, random.Next);
            if (allocation is AllocationResult.Short shortage)
            {
                return new ReserveOutcome.Short(
                    shortage.Available,
                    shortage.LastAvailable is { } last ? PromiseCalculator.Promise(last, handling) : null);
            }

            var allocated = (AllocationResult.Allocated)allocation;
            var promise = new LinePromise(PromiseCalculator.Promise(allocated.Backing, handling), allocated.Backing.Source);
            var reservation = new Reservation(orderId, lineNumber, quantity, allocated.Parts, promise, now);
            switch (await supply.TryReserveAsync(state, reservation, allocated.ChangedShards, cancellationToken).ConfigureAwait(false))
            {
                case ReserveWrite.Reserved:
                    return new ReserveOutcome.Reserved(promise);
                case ReserveWrite.AlreadyReserved:
                    var existing = await supply.GetReservationAsync(sku, orderId, lineNumber, cancellationToken).ConfigureAwait(false);
                    if (existing is not null)
                    {
                        return new ReserveOutcome.Reserved(existing.Promise);
                    }

                    continue; // Released between the two calls: reserve again.
                default:
                    continue;
            }
        }
    }
}
