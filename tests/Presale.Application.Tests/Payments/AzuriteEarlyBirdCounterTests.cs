using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Common;
using Presale.Application.Payments;
using Presale.Domain.Common;
using Presale.Domain.Payments;
using Presale.Testing;

namespace Presale.Application.Tests.Payments;

/// <summary>
/// Early-bird tiers under parallel checkouts, against real Azurite: 64 clients buying 1–3 units each from two tiers of
/// 25 units; no tier sells more than its units, the counter equals what the lines were told, a retried line gets its
/// first answer, and a line given back frees its units once.
/// </summary>
public sealed class AzuriteEarlyBirdCounterTests(AzuriteFixture azurite)
{
    private const int Clients = 64;
    private const int TierUnits = 25;
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly EarlyBirdPricing Pricing = new([new PriceTier(79m, null, TierUnits), new PriceTier(89m, null, TierUnits)], 99m);

    private EarlyBirdCounter Counter() =>
        new(
            new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions()),
            new PaymentsOptions { PaymentsTable = AzuriteFixture.UniqueName("pay") },
            new RandomSource(new Random(7)));

    [Fact]
    public async Task ParallelCheckouts_NeverSellMoreThanATiersUnits_AndTheCounterMatchesWhatLinesWereTold()
    {
        var counter = Counter();
        var sku = Sku.From("EARLY-1");
        var quantities = Enumerable.Range(0, Clients).Select(i => 1 + (i % 3)).ToArray();

        var decisions = await Task.WhenAll(quantities.Select((q, i) => Task.Run(() => counter.TakeAsync(sku, Pricing, "o-" + i, 1, q, At, CancellationToken.None))));

        var told = new int[2];
        foreach (var (decision, quantity) in decisions.Zip(quantities))
        {
            if (decision.Tier is { } tier)
            {
                told[tier] += quantity;
                Assert.Equal(Pricing.Tiers[tier].UnitPrice, decision.UnitPrice);
            }
            else
            {
                Assert.Equal(99m, decision.UnitPrice);
            }
        }

        var sold = await counter.SoldAsync(sku, 2, CancellationToken.None);
        Assert.Equal(told, sold);
        Assert.All(sold, s => Assert.InRange(s, TierUnits - 2, TierUnits));
        Assert.Contains(decisions, d => d.Tier is null);

        // A retried line gets its first answer and counts nothing again.
        var first = decisions[0];
        Assert.Equal(first, await counter.TakeAsync(sku, Pricing, "o-0", 1, quantities[0], At, CancellationToken.None));
        Assert.Equal(sold, await counter.SoldAsync(sku, 2, CancellationToken.None));

        // A line given back frees its units, once.
        await counter.GiveBackAsync(sku, "o-0", 1, CancellationToken.None);
        await counter.GiveBackAsync(sku, "o-0", 1, CancellationToken.None);
        var freed = first.Tier is { } t ? sold.Select((s, i) => i == t ? s - quantities[0] : s).ToArray() : [.. sold];
        Assert.Equal(freed, await counter.SoldAsync(sku, 2, CancellationToken.None));
    }
}
