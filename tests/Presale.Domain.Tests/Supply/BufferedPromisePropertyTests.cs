using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

/// <summary>
/// The promise properties with suppliers' slip buffers inside the supply sequence: several suppliers (each with its own
/// buffer), lots late and early, several allocation shards, a queue of orders of random sizes taking shards at random.
/// </summary>
public sealed class BufferedPromisePropertyTests
{
    private const int Handling = 2;
    private const int CapLeadDays = 6;
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly string[] Suppliers = ["s0", "s1", "s2"];

    [Fact]
    public void Property_APromiseIsNeverEarlierThanTheBufferedSupplyOfAnyUnitBehindIt_AndEqualsTheLatestOfThem()
    {
        Prop.ForAll(Scenarios(), scenario =>
        {
            foreach (var (promise, parts) in Run(scenario))
            {
                var latest = parts.Max(p => BufferedDate(scenario, p.Source)).AddDays(Handling);
                if (promise != latest) // never earlier than any unit behind it, and not later than the latest of them
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_PromisesAreMonotoneInQueuePosition()
    {
        Prop.ForAll(Scenarios(), scenario =>
        {
            var promises = Run(scenario).Select(r => r.Promise).ToList();
            return promises.Zip(promises.Skip(1)).All(pair => pair.First <= pair.Second);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sequence_OrdersLotsByTheirBufferedDate_NotTheirEta()
    {
        var ledger = SupplyLedger.Restore(0, [new InboundLot("late", "L", "PO", 1, Today.AddDays(10)), new InboundLot("prompt", "P", "PO", 1, Today.AddDays(12))], cap: 1);

        var sequence = ledger.Sequence(Today, CapLeadDays, new Dictionary<string, int> { ["late"] = 3 });

        Assert.Equal(["onhand", "lot/prompt/P", "lot/late/L", "cap"], sequence.Select(s => s.Source.Key));
        Assert.Equal([Today, Today.AddDays(12), Today.AddDays(13), Today.AddDays(13 + CapLeadDays)], sequence.Select(s => s.AvailableOn));
    }

    /// <summary>The date a unit of <paramref name="source"/> can be handled from, computed from the scenario directly.</summary>
    private static DateOnly BufferedDate(Scenario scenario, SupplySource source)
    {
        DateOnly Buffered(InboundLot lot) => (lot.Eta < Today ? Today : lot.Eta).AddDays(scenario.Slips.GetValueOrDefault(lot.SupplierId));
        return source.Kind switch
        {
            SupplyKind.OnHand => Today,
            SupplyKind.Lot => Buffered(scenario.Ledger.FindLot(source)!),
            _ => scenario.Ledger.Lots.Select(Buffered).Append(Today).Max().AddDays(CapLeadDays),
        };
    }

    /// <summary>Allocates the queue in order on the scenario's shards; the accepted orders' promises and parts, in queue order.</summary>
    private static List<(DateOnly Promise, IReadOnlyList<AllocationPart> Parts)> Run(Scenario scenario)
    {
        var sequence = scenario.Ledger.Sequence(Today, CapLeadDays, scenario.Slips);
        var distributed = (DistributionResult.Distributed)QuotaDistributor.Distribute(
            [.. Enumerable.Range(0, scenario.Shards).Select(AllocationShard.Empty)], scenario.Ledger.Targets());
        var shards = distributed.Shards.ToDictionary(s => s.Index);
        var random = new Random(scenario.Seed);
        var accepted = new List<(DateOnly, IReadOnlyList<AllocationPart>)>();
        foreach (var quantity in scenario.Queue)
        {
            if (SupplyAllocator.Allocate([.. shards.Values], sequence, quantity, random.Next) is not AllocationResult.Allocated allocated)
            {
                continue;
            }

            foreach (var shard in allocated.ChangedShards)
            {
                shards[shard.Index] = shard;
            }

            accepted.Add((PromiseCalculator.Promise(allocated.Backing, Handling), allocated.Parts));
        }

        return accepted;
    }

    private static Arbitrary<Scenario> Scenarios() =>
        (from onHand in Gen.Choose(0, 12)
         from lots in Gen.ListOf(from supplier in Gen.Elements(Suppliers)
                                 from quantity in Gen.Choose(0, 15)
                                 from eta in Gen.Choose(-5, 25)
                                 select (supplier, quantity, eta))
         from cap in Gen.Choose(0, 10)
         from slips in Gen.Choose(0, 14).ArrayOf(Suppliers.Length)
         from shards in Gen.Choose(1, 8)
         from queue in Gen.ListOf(Gen.Choose(1, 7))
         from seed in Gen.Choose(0, 10_000)
         select new Scenario(
             SupplyLedger.Restore(onHand, lots.Select((l, i) => new InboundLot(l.supplier, "l" + i, "PO", l.quantity, Today.AddDays(l.eta))), cap),
             Suppliers.Select((s, i) => (s, slips[i])).ToDictionary(x => x.s, x => x.Item2),
             shards,
             [.. queue],
             seed))
        .ToArbitrary();

    /// <summary>A ledger, each supplier's slip buffer in days, the shard count, the queue of order sizes and a seed for shard choice.</summary>
    internal sealed record Scenario(SupplyLedger Ledger, Dictionary<string, int> Slips, int Shards, int[] Queue, int Seed)
    {
        public override string ToString() =>
            $"on hand {Ledger.OnHand}, lots [{string.Join(", ", Ledger.Lots.Select(l => $"{l.SupplierId}:{l.Quantity}@{l.Eta:MM-dd}"))}], cap {Ledger.Cap}, " +
            $"slips [{string.Join(", ", Slips.Select(s => $"{s.Key}+{s.Value}"))}], shards {Shards}, queue [{string.Join(", ", Queue)}], seed {Seed}";
    }
}
