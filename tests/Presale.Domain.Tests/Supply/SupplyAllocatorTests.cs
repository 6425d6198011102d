using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class SupplyAllocatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Allocate_TakesEarliestSupplyFirst_AndPromisesFromTheLatestSegmentUsed()
    {
        var ledger = SupplyLedger.Restore(2, [new InboundLot("acme", "l1", "PO", 5, Today.AddDays(10))], cap: 0);
        var shards = Spread(ledger, 4);

        var result = Assert.IsType<AllocationResult.Allocated>(SupplyAllocator.Allocate(shards, ledger.Sequence(Today, 0), 3, _ => 0));

        Assert.Equal(2, result.Parts.Where(p => p.Source == SupplySource.OnHand).Sum(p => p.Quantity));
        Assert.Equal(1, result.Parts.Where(p => p.Source.Kind == SupplyKind.Lot).Sum(p => p.Quantity));
        Assert.Equal(SupplySource.Lot("acme", "l1"), result.Backing.Source);
    }

    [Fact]
    public void Allocate_WhenShort_ReportsAvailableUnitsAndTheirSegment()
    {
        var ledger = SupplyLedger.Restore(2, [], cap: 1);
        var shards = Spread(ledger, 3);

        var result = Assert.IsType<AllocationResult.Short>(SupplyAllocator.Allocate(shards, ledger.Sequence(Today, 5), 4, _ => 0));

        Assert.Equal(3, result.Available);
        Assert.Equal(SupplySource.Cap, result.LastAvailable!.Source);
    }

    [Fact]
    public void Allocate_GathersUnitsFromSeveralShards_WhenNoShardHoldsEnough()
    {
        var ledger = SupplyLedger.Restore(8, [], 0);
        var shards = Spread(ledger, 8);

        var result = Assert.IsType<AllocationResult.Allocated>(SupplyAllocator.Allocate(shards, ledger.Sequence(Today, 0), 8, _ => 3));

        Assert.Equal(8, result.ChangedShards.Count);
        Assert.All(result.ChangedShards, s => Assert.Equal(0, s.Free("onhand")));
    }

    [Fact]
    public void Property_RepeatedAllocations_NeverReserveMoreThanSupply_AndPromisesAreNeverBeforeTheirBacking()
    {
        Prop.ForAll(
            Gen.Choose(0, 30).Three().ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 6)).ToArbitrary(),
            Gen.Choose(1, 8).ToArbitrary(),
            (supply, requests, shardCount) =>
            {
                var (onHand, lot, cap) = supply;
                var ledger = SupplyLedger.Restore(onHand, [new InboundLot("s", "l", "PO", lot, Today.AddDays(9))], cap);
                var sequence = ledger.Sequence(Today, 4);
                var shards = Spread(ledger, shardCount).ToDictionary(s => s.Index);
                var random = new Random(onHand * 31 + lot);
                long reserved = 0;
                foreach (var quantity in requests)
                {
                    if (SupplyAllocator.Allocate([.. shards.Values], sequence, quantity, random.Next) is AllocationResult.Allocated allocated)
                    {
                        reserved += quantity;
                        foreach (var shard in allocated.ChangedShards)
                        {
                            shards[shard.Index] = shard;
                        }

                        var latestBacking = allocated.Parts.Max(p => sequence.Single(s => s.Source == p.Source).AvailableOn);
                        if (PromiseCalculator.Promise(allocated.Backing, 2) < latestBacking.AddDays(2))
                        {
                            return false;
                        }
                    }
                }

                var held = shards.Values.Sum(s => s.Segments.Values.Sum(q => q.Reserved));
                return held == reserved && reserved <= ledger.Capacity;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_OnOneShard_PromisesAreMonotoneInQueuePosition()
    {
        Prop.ForAll(
            Gen.Choose(0, 10).Three().ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 4)).ToArbitrary(),
            (supply, requests) =>
            {
                var (onHand, lot, cap) = supply;
                var ledger = SupplyLedger.Restore(onHand, [new InboundLot("s", "l", "PO", lot, Today.AddDays(5))], cap);
                var sequence = ledger.Sequence(Today, 7);
                var shard = Spread(ledger, 1)[0];
                var previous = DateOnly.MinValue;
                foreach (var quantity in requests)
                {
                    if (SupplyAllocator.Allocate([shard], sequence, quantity, _ => 0) is not AllocationResult.Allocated allocated)
                    {
                        continue;
                    }

                    shard = allocated.ChangedShards[0];
                    var promise = PromiseCalculator.Promise(allocated.Backing, 1);
                    if (promise < previous)
                    {
                        return false;
                    }

                    previous = promise;
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    private static List<AllocationShard> Spread(SupplyLedger ledger, int shards) =>
        [.. ((DistributionResult.Distributed)QuotaDistributor.Distribute([.. Enumerable.Range(0, shards).Select(AllocationShard.Empty)], ledger.Targets())).Shards];
}
