using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class QuotaDistributorTests
{
    [Fact]
    public void Distribute_SpreadsAddedUnitsEvenly()
    {
        var result = Distribute([.. Enumerable.Range(0, 4).Select(AllocationShard.Empty)], 10);

        Assert.Equal(10, result.Sum(s => s["onhand"].Quota));
        Assert.All(result, s => Assert.InRange(s["onhand"].Quota, 2, 3));
    }

    [Fact]
    public void Distribute_RemovesOnlyFreeQuota_KeepingEveryReservationCovered()
    {
        var shards = Distribute([.. Enumerable.Range(0, 4).Select(AllocationShard.Empty)], 12).ToList();
        shards[0] = shards[0].Reserve("onhand", 3);
        shards[1] = shards[1].Reserve("onhand", 1);

        var result = Distribute(shards, 5);

        Assert.Equal(5, result.Sum(s => s["onhand"].Quota));
        Assert.All(result, s => Assert.True(s["onhand"].Quota >= s["onhand"].Reserved));
        Assert.Equal(3, result[0]["onhand"].Reserved);
    }

    [Fact]
    public void Distribute_BelowWhatIsReserved_IsRefused()
    {
        var shards = Distribute([AllocationShard.Empty(0), AllocationShard.Empty(1)], 4).ToList();
        shards[0] = shards[0].Reserve("onhand", 2);
        shards[1] = shards[1].Reserve("onhand", 1);

        var result = QuotaDistributor.Distribute(shards, new Dictionary<string, int> { ["onhand"] = 2 });

        var below = Assert.IsType<DistributionResult.BelowReserved>(result);
        Assert.Equal(3, below.Reserved);
    }

    [Fact]
    public void Reserve_BeyondQuota_IsABrokenInvariant()
    {
        var shard = AllocationShard.Empty(0).WithQuota("onhand", 1);

        Assert.Throws<InvalidOperationException>(() => shard.Reserve("onhand", 2));
    }

    private static IReadOnlyList<AllocationShard> Distribute(IReadOnlyList<AllocationShard> shards, int onHand) =>
        ((DistributionResult.Distributed)QuotaDistributor.Distribute(shards, new Dictionary<string, int> { ["onhand"] = onHand })).Shards;
}
