using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;
using static Presale.Domain.Tests.Reconciliation.PlanningScenario;

namespace Presale.Domain.Tests.Reconciliation;

public sealed class PromisePlannerPropertyTests
{
    /// <summary>One SKU's supply and demand, plus a later supply (an ETA change, a receipt, a cancellation) and a shuffle seed.</summary>
    public sealed record Case(SupplySnapshot Supply, SupplySnapshot Later, OpenOrderDemand[] Orders, OpenOrderDemand[] NewOrders, PriorityRule Priority, int Seed)
    {
        public override string ToString() =>
            $"{Priority} supply={Show(Supply)} later={Show(Later)}\norders={string.Join("; ", Orders.Select(o => $"{o.OrderId}:{o.Tier}/{o.PlacedAt:HH:mm}/{o.Quantity}/{o.PromiseDate:MM-dd}"))}\nnew={string.Join("; ", NewOrders.Select(o => $"{o.OrderId}:{o.Tier}/{o.Quantity}"))}";

        private static string Show(SupplySnapshot s) =>
            $"oh={s.OnHand} cap={s.PreSaleCap} lots=[{string.Join(", ", s.Lots.Select(l => $"{l.LotId}:{l.Eta:MM-dd}x{l.Quantity}{(l.Cancelled ? "!" : "")}"))}]";
    }

    private static readonly Gen<InboundLot> LotGen =
        from eta in Gen.Choose(-3, 40)
        from quantity in Gen.Choose(0, 12)
        from cancelled in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new InboundLot("lot", "S1", Today.AddDays(eta), quantity, cancelled);

    private static Gen<SupplySnapshot> SupplyGen =>
        from onHand in Gen.Choose(0, 15)
        from cap in Gen.Choose(0, 8)
        from lots in Gen.ListOf(LotGen, 4).Select(l => l.ToArray()).Zip(Gen.Choose(0, 4), (l, n) => l.Take(n).ToArray())
        select new SupplySnapshot(Keyboard, onHand, lots.Select((l, i) => l with { LotId = $"L{i}" }).ToArray(), cap);

    private static Gen<OpenOrderDemand> OrderGen(string prefix) =>
        from tier in Gen.Elements(Enum.GetValues<CustomerTier>())
        from minute in Gen.Choose(0, 30)
        from quantity in Gen.Choose(1, 6)
        from promise in Gen.Choose(0, 45)
        from unknown in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new OpenOrderDemand(prefix, tier, AsOf.AddDays(-5).AddMinutes(minute), quantity, unknown ? null : Today.AddDays(promise));

    private static Gen<OpenOrderDemand[]> OrdersGen(string prefix, int max) =>
        from count in Gen.Choose(0, max)
        from orders in Gen.ArrayOf(OrderGen(prefix), count)
        select orders.Select((o, i) => o with { OrderId = $"{prefix}{i}" }).ToArray();

    private static Arbitrary<Case> Cases =>
        (from supply in SupplyGen
         from later in SupplyGen
         from orders in OrdersGen("o", 25)
         from fresh in OrdersGen("n", 4)
         from priority in Gen.Elements(PriorityRule.TierThenOrderTime, PriorityRule.FirstComeFirstServed)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select new Case(supply, later with { Lots = MixLots(supply, later) }, orders, fresh, priority, seed)).ToArbitrary();

    /// <summary>The later supply keeps some of the same lot ids (moved, resized, cancelled) so pegs can survive.</summary>
    private static InboundLot[] MixLots(SupplySnapshot before, SupplySnapshot later) =>
        later.Lots.Select((l, i) => i % 2 == 0 && i < before.Lots.Count ? before.Lots[i] with { Eta = l.Eta } : l).ToArray();

    private static ReconciliationPlan Plan(Case c, SupplySnapshot supply, IReadOnlyList<OpenOrderDemand> orders) =>
        PromisePlanner.Replan(supply, orders, Settings(c.Priority), AsOf);

    /// <summary>The state after a first run, a supply change and new orders: orders carry real pegs and allocations.</summary>
    private static List<OpenOrderDemand> Settled(Case c)
    {
        var first = Apply(c.Orders, Plan(c, c.Supply, c.Orders));
        first.AddRange(c.NewOrders);
        return first;
    }

    private static void Check(Func<Case, bool> property) =>
        Prop.ForAll(Cases, property).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void EveryUnitIsPeggedOnce_AndNoSourceGivesMoreThanItHas()
    {
        Check(c =>
        {
            var orders = Settled(c);
            var plan = Plan(c, c.Later, orders);
            var perSource = plan.Orders.SelectMany(p => p.Pegs.ToArray()).GroupBy(g => g.Source).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
            var capacity = c.Later.Lots.Where(l => !l.Cancelled && l.Quantity > 0).ToDictionary(l => SupplySource.Lot(l.LotId), l => l.Quantity);
            capacity[SupplySource.OnHand] = c.Later.OnHand;
            capacity[SupplySource.PreSaleCap] = c.Later.PreSaleCap;
            capacity[SupplySource.Unsupplied] = int.MaxValue;

            var eachOrderExactlyCovered = plan.Orders.All(p => p.Pegs.ToArray().Sum(g => g.Quantity) == p.Quantity && p.Pegs.ToArray().All(g => g.Quantity > 0))
                && plan.Orders.All(p => p.Pegs.ToArray().Select(g => g.Source).Distinct().Count() == p.Pegs.Length);
            var withinCapacity = perSource.All(kv => capacity.TryGetValue(kv.Key, out var cap) && kv.Value <= cap);
            var sourcesAgree = plan.Sources.All(s => s.PeggedUnits == perSource.GetValueOrDefault(s.Source));
            return eachOrderExactlyCovered && withinCapacity && sourcesAgree && plan.Orders.Count == orders.Count;
        });
    }

    [Fact]
    public void ReadyToShipOrders_AreFullyCoveredByAllocatedOnHandUnits()
    {
        Check(c => Plan(c, c.Later, Settled(c)).Orders.All(p =>
            (p.Status == PromiseStatus.ReadyToShip) == (p.Pegs.Length == 1 && p.Pegs.Span[0] == new Peg(SupplySource.OnHand, p.Quantity))
            && (p.Status != PromiseStatus.ReadyToShip || p.AllocatedUnits == p.Quantity)));
    }

    [Fact]
    public void HigherPriorityNeverGetsALaterEstimate_AndOrdersAreServedInPriorityOrder()
    {
        Check(c =>
        {
            // A first planning run: no allocation is held yet, so the ranking alone decides.
            var plan = Plan(c, c.Supply, c.Orders);
            var expectedRank = c.Orders
                .OrderBy(o => c.Priority == PriorityRule.FirstComeFirstServed ? 0 : (int)o.Tier)
                .ThenBy(o => o.PlacedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
                .Select(o => o.OrderId);
            var served = plan.Orders.Select(p => p.Estimate ?? DateOnly.MaxValue).ToArray();
            var monotone = served.Zip(served.Skip(1), (a, b) => a <= b).All(ok => ok);
            return expectedRank.SequenceEqual(plan.Orders.Select(p => p.OrderId)) && monotone;
        });
    }

    [Fact]
    public void ReadyToShipOrders_KeepTheirUnits_WhenSupplyMovesAndHigherTierOrdersArrive()
    {
        Check(c =>
        {
            var ready = Apply(c.Orders, Plan(c, c.Supply, c.Orders));
            var readyIds = ready.Where(o => o.Status == PromiseStatus.ReadyToShip).Select(o => o.OrderId).ToHashSet();
            ready.AddRange(c.NewOrders.Select(o => o with { Tier = CustomerTier.Platinum, PlacedAt = AsOf.AddDays(-30) }));
            var later = c.Later with { OnHand = Math.Max(c.Later.OnHand, c.Supply.OnHand) };

            var plan = Plan(c, later, ready);

            return plan.Orders.Where(p => readyIds.Contains(p.OrderId)).All(p => p.Status == PromiseStatus.ReadyToShip);
        });
    }

    [Fact]
    public void Replanning_ItsOwnOutput_ChangesNothing()
    {
        Check(c =>
        {
            var orders = Settled(c);
            var first = Plan(c, c.Later, orders);
            var written = Apply(orders, first);
            var second = Plan(c, c.Later, written);
            return second.Changes.Count == 0 && Describe(first) == Describe(second);
        });
    }

    [Fact]
    public void TheOrderOfOrdersAndLots_IsIrrelevant()
    {
        Check(c =>
        {
            var orders = Settled(c);
            var random = new Random(c.Seed);
            var shuffledOrders = orders.OrderBy(_ => random.Next()).ToArray();
            var shuffledSupply = c.Later with { Lots = c.Later.Lots.OrderBy(_ => random.Next()).ToArray() };

            var plan = Plan(c, c.Later, orders);
            var shuffled = Plan(c, shuffledSupply, shuffledOrders);

            return Describe(plan) == Describe(shuffled)
                && plan.Changes.Select(ch => (ch.OrderId, ch.Notification)).SequenceEqual(shuffled.Changes.Select(ch => (ch.OrderId, ch.Notification)));
        });
    }

    [Fact]
    public void Changes_AreExactlyTheOrdersWhoseRecordedStateDiffers()
    {
        Check(c =>
        {
            var orders = Settled(c);
            var plan = Plan(c, c.Later, orders);
            var recorded = orders.ToDictionary(o => o.OrderId);
            var differing = plan.Orders.Where(p =>
            {
                var o = recorded[p.OrderId];
                return o.Status != p.Status || o.Estimate != p.Estimate || o.AllocatedUnits != p.AllocatedUnits || !o.Pegs.SequenceEqual(p.Pegs.ToArray());
            }).Select(p => p.OrderId);
            var notifiedOnlyOnStatusOrDateMoves = plan.Changes.Where(ch => ch.Notification is not null)
                .All(ch => ch.PreviousStatus != ch.Plan.Status || ch.PreviousEstimate != ch.Plan.Estimate);
            return differing.SequenceEqual(plan.Changes.Select(ch => ch.OrderId)) && notifiedOnlyOnStatusOrDateMoves;
        });
    }
}
