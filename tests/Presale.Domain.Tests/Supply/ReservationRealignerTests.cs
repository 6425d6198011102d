using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class ReservationRealignerTests
{
    private static readonly string[] Keys = ["onhand", "lot/acme/L1", "lot/acme/L2", "cap", "short"];

    /// <summary>Up to 6 shards, each with a random split of reservations (and quota covering them) over the keys.</summary>
    private static readonly Gen<AllocationShard[]> ShardsGen =
        from count in Gen.Choose(1, 6)
        from cells in Gen.ArrayOf(Gen.Choose(0, 6), count * Keys.Length)
        from spare in Gen.ArrayOf(Gen.Choose(0, 3), count * Keys.Length)
        select Enumerable.Range(0, count).Select(s => new AllocationShard(s, Keys.Select((k, i) =>
            KeyValuePair.Create(k, new ShardQuota(cells[(s * Keys.Length) + i] + spare[(s * Keys.Length) + i], cells[(s * Keys.Length) + i]))))).ToArray();

    [Fact]
    public void Realign_KeepsEachShardsTotalAndReachesTheDesiredSplit()
    {
        var gen = from shards in ShardsGen
                  from weights in Gen.ArrayOf(Gen.Choose(0, 5), Keys.Length)
                  select (shards, weights);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (shards, weights) = input;
            var total = ReservationRealigner.Reserved(shards).Values.Sum();
            var desired = Split(total, weights);

            var realigned = ReservationRealigner.Realign(shards, desired);

            var reached = ReservationRealigner.Reserved(realigned);
            return Keys.All(k => reached.GetValueOrDefault(k) == desired.GetValueOrDefault(k))
                && shards.Zip(realigned).All(p => p.First.Segments.Values.Sum(q => q.Reserved) == p.Second.Segments.Values.Sum(q => q.Reserved))
                && realigned.All(s => s.Segments.Values.All(q => q.Reserved >= 0 && q.Quota >= q.Reserved));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rebase_NeverExceedsATargetAndPutsOnlyWhatFindsNoRoomInTheShortfall()
    {
        var gen = from shards in ShardsGen
                  from targets in Gen.ArrayOf(Gen.Choose(0, 30), Keys.Length)
                  select (shards, targets);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (shards, targetArray) = input;
            var reserved = ReservationRealigner.Reserved(shards);
            var targets = Keys.Select((k, i) => (k, targetArray[i])).ToDictionary(p => p.k, p => p.Item2);
            var sequence = Keys.Where(k => k != "short").ToList();

            var desired = ReservationRealigner.Rebase(reserved, targets, sequence);

            var supplied = desired.Where(d => d.Key != "short").Sum(d => d.Value);
            var room = sequence.Sum(k => (long)targets[k]);
            return desired.Values.Sum() == reserved.Values.Sum()
                && sequence.All(k => desired.GetValueOrDefault(k) <= targets[k])
                && supplied == Math.Min(room, reserved.Values.Sum());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Release_AfterReservationsMovedToOnHand_TakesThemFromOnHand()
    {
        var shard = new AllocationShard(0, [KeyValuePair.Create("onhand", new ShardQuota(5, 3)), KeyValuePair.Create("lot/acme/L1", new ShardQuota(2, 1))]);

        var released = shard.Release("lot/acme/L1", 3);

        Assert.Equal(0, released["lot/acme/L1"].Reserved);
        Assert.Equal(1, released["onhand"].Reserved);
        Assert.Throws<InvalidOperationException>(() => released.Release("onhand", 2));
    }

    [Fact]
    public void WithLotState_CountsReceivedUnitsOnHandOnce()
    {
        var ledger = SupplyLedger.Restore(2, [new InboundLot("acme", "L1", "PO-1", 10, new DateOnly(2026, 3, 20))], 0);

        var once = ledger.WithLotState(SupplySource.Lot("acme", "L1"), 6, 4, new DateOnly(2026, 3, 25), out _)!;
        var twice = once.WithLotState(SupplySource.Lot("acme", "L1"), 6, 4, new DateOnly(2026, 3, 25), out _)!;

        Assert.Equal(6, twice.OnHand);
        Assert.Equal(6, twice.Lots[0].Quantity);
        Assert.Equal(new DateOnly(2026, 3, 25), twice.Lots[0].Eta);
        Assert.Null(ledger.WithLotState(SupplySource.Lot("acme", "L9"), 1, 0, new DateOnly(2026, 3, 25), out _));
    }

    private static Dictionary<string, long> Split(long total, int[] weights)
    {
        var sum = weights.Sum();
        var desired = new Dictionary<string, long>(StringComparer.Ordinal);
        if (sum == 0)
        {
            desired[Keys[0]] = total;
            return desired;
        }

        long given = 0;
        for (var i = 0; i < Keys.Length; i++)
        {
            var share = i == Keys.Length - 1 ? total - given : total * weights[i] / sum;
            desired[Keys[i]] = share;
            given += share;
        }

        return desired;
    }
}
