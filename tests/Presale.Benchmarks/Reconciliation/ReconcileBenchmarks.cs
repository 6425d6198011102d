using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;

namespace Presale.Benchmarks.Reconciliation;

/// <summary>
/// Re-planning 100,000 open orders of one SKU after one lot's ETA slips, against the baseline of merely reading
/// (deserialising and mapping) the same 100,000 stored orders. The target is that the whole reconcile costs ≤ 2× a
/// bare read; the planner's own share should be a small fraction of one read.
/// Run: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*Reconcile*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReconcileBenchmarks
{
    /// <summary>Open orders of the SKU.</summary>
    public const int OrderCount = 100_000;

    private static readonly DateTimeOffset AsOf = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReplanSettings Settings = new(PriorityRule.TierThenOrderTime, new PromiseCalendar(TimeZoneInfo.Utc, 2));

    private byte[] _stored = [];
    private List<OpenOrderDemand> _orders = [];
    private SupplySnapshot _slipped = null!;

    /// <summary>Builds a settled SKU (every order planned against the current supply), then slips one lot by 10 days.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (supply, slipped, orders) = Scenario(seed: 42);
        var settled = PromisePlanner.Replan(supply, orders, Settings, AsOf);
        var byId = settled.Orders.ToDictionary(p => p.OrderId, StringComparer.Ordinal);
        _orders = orders.Select(o =>
        {
            var p = byId[o.OrderId];
            return o with { Status = p.Status, Estimate = p.Estimate, AllocatedUnits = p.AllocatedUnits, Pegs = p.Pegs.ToArray() };
        }).ToList();
        _stored = JsonSerializer.SerializeToUtf8Bytes(_orders.Select(OrderRow.From).ToArray());
        _slipped = slipped;

        var plan = PromisePlanner.Replan(_slipped, _orders, Settings, AsOf);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Reconcile scenario: {OrderCount} open orders, {_stored.Length / 1024 / 1024} MiB stored; after the ETA change {plan.Changes.Count} orders change, {plan.Notifications.Count()} notifications."));
    }

    /// <summary>The baseline: deserialise the stored orders and map them to planner input.</summary>
    [Benchmark(Baseline = true)]
    public int ReadOrders()
    {
        var rows = JsonSerializer.Deserialize<OrderRow[]>(_stored)!;
        var demand = new OpenOrderDemand[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            demand[i] = rows[i].ToDemand();
        }

        return demand.Length;
    }

    /// <summary>The planner alone, on orders already in memory.</summary>
    [Benchmark]
    public int Replan() => PromisePlanner.Replan(_slipped, _orders, Settings, AsOf).Changes.Count;

    /// <summary>What the reconcile function does apart from I/O: read the orders, then re-plan them.</summary>
    [Benchmark]
    public int ReadAndReplan()
    {
        var rows = JsonSerializer.Deserialize<OrderRow[]>(_stored)!;
        var demand = new OpenOrderDemand[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            demand[i] = rows[i].ToDemand();
        }

        return PromisePlanner.Replan(_slipped, demand, Settings, AsOf).Changes.Count;
    }

    /// <summary>
    /// A SKU with 2,000 units on hand, 12 weekly lots of 8,500 units and a cap of 2,000, and 100,000 orders of 1–3 units
    /// over 60 days in four tiers, promised their quoted date plus a few days' slack. The slip: the third lot moves 10 days.
    /// </summary>
    internal static (SupplySnapshot Supply, SupplySnapshot Slipped, List<OpenOrderDemand> Orders) Scenario(int seed)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(AsOf.UtcDateTime);
        var lots = Enumerable.Range(0, 12).Select(i => new InboundLot($"LOT-{i:D2}", i % 3 == 0 ? "acme" : "globex", today.AddDays(7 * (i + 1)), 8_500)).ToArray();
        var supply = new SupplySnapshot(Sku.From("KB-75-BLUE"), 2_000, lots, 2_000);
        var slipped = supply with { Lots = lots.Select(l => l.LotId == "LOT-02" ? l with { Eta = l.Eta.AddDays(10) } : l).ToArray() };

        var orders = new List<OpenOrderDemand>(OrderCount);
        var tiers = new[] { CustomerTier.Platinum, CustomerTier.Gold, CustomerTier.Gold, CustomerTier.Silver, CustomerTier.Silver, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard };
        for (var i = 0; i < OrderCount; i++)
        {
            orders.Add(new OpenOrderDemand(
                $"ord-{i:D7}",
                tiers[random.Next(tiers.Length)],
                AsOf.AddMinutes(-random.Next(60 * 24 * 60)),
                random.Next(1, 4),
                today.AddDays(random.Next(5, 100))));
        }

        // Promise each order what the supply said at checkout plus a little slack, so most orders start on track.
        var quoted = PromisePlanner.Replan(supply, orders, Settings, AsOf).Orders.ToDictionary(p => p.OrderId, p => p.Estimate, StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            orders[i] = orders[i] with { PromiseDate = quoted[orders[i].OrderId]?.AddDays(random.Next(0, 4)) };
        }

        return (supply, slipped, orders);
    }
}
