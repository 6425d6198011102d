using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class ShippedStockTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Take_UnitsReservedOnHand_LeaveOnHandAndTheReservationTogether()
    {
        var (ledger, shards, reservations) = Allocate(SupplyLedger.Restore(3, [], cap: 2), shardCount: 4, 2, 1);

        var change = ShippedStock.Take(ledger, shards, reservations[0], 2, Keys(ledger))!;

        Assert.Equal(1, change.Ledger.OnHand);
        Assert.Empty(change.Parts);
        Assert.Equal(1, Reserved(change.Shards, "onhand"));
        Assert.Equal(1, Quota(change.Shards, "onhand"));
        Assert.Equal(2, Quota(change.Shards, "cap"));
    }

    [Fact]
    public void Take_MoreThanOnHand_IsRefused()
    {
        var (ledger, shards, reservations) = Allocate(SupplyLedger.Restore(1, [], cap: 5), shardCount: 2, 3);

        Assert.Null(ShippedStock.Take(ledger, shards, reservations[0], 2, Keys(ledger)));
    }

    [Fact]
    public void Take_ForALineWaitingOnALot_MovesTheOnHandReservationsItShippedOntoTheLot()
    {
        // Two units on hand go to the first order; the second waits on the lot. The warehouse ships the second order
        // from the shelf anyway: on hand drops, so the first order's on-hand units cannot all stay on hand — one moves
        // to the lot unit the second order no longer needs.
        var lot = new InboundLot("acme", "L1", "PO", 4, Today.AddDays(10));
        var (ledger, shards, reservations) = Allocate(SupplyLedger.Restore(2, [lot], cap: 0), shardCount: 3, 2, 1);
        Assert.Equal("lot/acme/L1", Assert.Single(reservations[1]).Source.Key);

        var change = ShippedStock.Take(ledger, shards, reservations[1], 1, Keys(ledger))!;

        Assert.Equal(1, change.Ledger.OnHand);
        Assert.Equal(1, Reserved(change.Shards, "onhand"));
        Assert.Equal(1, Reserved(change.Shards, "lot/acme/L1"));
        Assert.Equal(0, change.Ledger.Shortfall);
    }

    [Fact]
    public void PutBack_RestoresOnHandAndTheReservationAsOnHandUnits()
    {
        var (ledger, shards, reservations) = Allocate(SupplyLedger.Restore(3, [], cap: 0), shardCount: 4, 3);
        var taken = ShippedStock.Take(ledger, shards, reservations[0], 2, Keys(ledger))!;

        var back = ShippedStock.PutBack(taken.Ledger, taken.Shards, 2, 2);

        Assert.Equal(3, back.Ledger.OnHand);
        Assert.Equal(2, back.Parts.Sum(p => p.Quantity));
        Assert.All(back.Parts, p => Assert.Equal(SupplySource.OnHand, p.Source));
        Assert.Equal(3, Reserved(back.Shards, "onhand"));
        Assert.Equal(3, Quota(back.Shards, "onhand"));
    }

    /// <summary>
    /// Whatever the supply and the reservations, taking a shipment out of stock: on hand goes down by the units shipped,
    /// the reservations by the units the line held of them, every shard's reservations still equal the parts of the
    /// reservations drawn on it, quotas add up to the ledger's supply per source and never fall below what is reserved;
    /// and putting it back restores on hand and the reservations' total.
    /// </summary>
    [Fact]
    public void Property_TakeKeepsTheBooks_AndPutBackUndoesIt()
    {
        var gen = from onHand in Gen.Choose(0, 12)
                  from lotQuantity in Gen.Choose(0, 10)
                  from cap in Gen.Choose(0, 6)
                  from shardCount in Gen.Choose(1, 6)
                  from orders in Gen.ListOf(Gen.Choose(1, 5))
                  from line in Gen.Choose(0, 20)
                  from units in Gen.Choose(1, 8)
                  select (onHand, lotQuantity, cap, shardCount, orders: orders.ToArray(), line, units);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var lots = input.lotQuantity == 0 ? Array.Empty<InboundLot>() : [new InboundLot("acme", "L1", "PO", input.lotQuantity, Today.AddDays(7))];
            var (ledger, shards, reservations) = Allocate(SupplyLedger.Restore(input.onHand, lots, input.cap), input.shardCount, input.orders);
            var held = reservations.Count == 0 ? [] : reservations[input.line % reservations.Count];
            var before = ReservationRealigner.Reserved(shards).Values.Sum();

            var change = ShippedStock.Take(ledger, shards, held, input.units, Keys(ledger));

            if (change is null)
            {
                return ledger.OnHand < input.units;
            }

            var fromReservation = Math.Min(input.units, held.Sum(p => p.Quantity));
            var others = reservations.Where(r => !ReferenceEquals(r, held)).SelectMany(r => r).Concat(change.Parts);
            var booksBalance = change.Ledger.OnHand == ledger.OnHand - input.units
                && ReservationRealigner.Reserved(change.Shards).Values.Sum() == before - fromReservation
                && change.Parts.Sum(p => p.Quantity) == held.Sum(p => p.Quantity) - fromReservation
                && change.Shards.All(s => s.Segments.Values.Sum(q => q.Reserved) == others.Where(p => p.Shard == s.Index).Sum(p => p.Quantity))
                && QuotasMatch(change.Ledger, change.Shards);

            var back = ShippedStock.PutBack(change.Ledger, change.Shards, input.units, fromReservation);
            return booksBalance
                && back.Ledger.OnHand == ledger.OnHand
                && ReservationRealigner.Reserved(back.Shards).Values.Sum() == before
                && back.Parts.Sum(p => p.Quantity) == fromReservation
                && QuotasMatch(back.Ledger, back.Shards);
        }).QuickCheckThrowOnFailure();
    }

    private static bool QuotasMatch(SupplyLedger ledger, IReadOnlyList<AllocationShard> shards) =>
        ledger.Targets().All(t => shards.Sum(s => (long)s[t.Key].Quota) == t.Value)
        && shards.All(s => s.Segments.Values.All(q => q.Quota >= q.Reserved && q.Reserved >= 0));

    /// <summary>Spreads <paramref name="ledger"/> over empty shards and reserves <paramref name="orders"/> in turn (those that fit).</summary>
    private static (SupplyLedger Ledger, IReadOnlyList<AllocationShard> Shards, List<IReadOnlyList<AllocationPart>> Reservations) Allocate(SupplyLedger ledger, int shardCount, params int[] orders)
    {
        var shards = ((DistributionResult.Distributed)QuotaDistributor.Distribute([.. Enumerable.Range(0, shardCount).Select(AllocationShard.Empty)], ledger.Targets())).Shards.ToArray();
        var reservations = new List<IReadOnlyList<AllocationPart>>();
        var turn = 0;
        foreach (var quantity in orders)
        {
            if (SupplyAllocator.Allocate(shards, ledger.Sequence(Today, 5), quantity, n => turn++ % n) is AllocationResult.Allocated allocated)
            {
                foreach (var shard in allocated.ChangedShards)
                {
                    shards[shard.Index] = shard;
                }

                reservations.Add(allocated.Parts);
            }
        }

        return (ledger, shards, reservations);
    }

    private static List<string> Keys(SupplyLedger ledger) => [.. ledger.Sequence(Today, 5).Select(s => s.Source.Key)];

    private static long Reserved(IReadOnlyList<AllocationShard> shards, string key) => shards.Sum(s => (long)s[key].Reserved);

    private static long Quota(IReadOnlyList<AllocationShard> shards, string key) => shards.Sum(s => (long)s[key].Quota);
}
