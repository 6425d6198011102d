using Presale.Domain.Common;
using Presale.Domain.Reconciliation;
using static Presale.Domain.Tests.Reconciliation.PlanningScenario;

namespace Presale.Domain.Tests.Reconciliation;

public sealed class PromisePlannerTests
{
    [Fact]
    public void Replan_PegsOnHandFirst_ThenLotsByEta_ThenTheCap_ThenUnsupplied()
    {
        var supply = PlanningScenario.Supply(onHand: 3, cap: 2, Lot("late", 20, 4), Lot("early", 10, 2), Lot("gone", 5, 50, cancelled: true));
        OpenOrderDemand[] orders = [Order("a", 2, placedMinute: 1), Order("b", 3, placedMinute: 2), Order("c", 3, placedMinute: 3), Order("d", 4, placedMinute: 4)];

        var plan = PromisePlanner.Replan(supply, orders, Settings(), AsOf);

        Assert.Equal(
            ["a: ReadyToShip 2026-03-04 [2@OnHand]",
             "b: OnTrack 2026-03-14 [1@OnHand, 2@Lot:early]",
             "c: OnTrack 2026-03-24 [3@Lot:late]",
             "d: AtRisk unknown [1@Lot:late, 2@PreSaleCap, 1@Unsupplied]"],
            plan.Orders.Select(p => p.ToString()));
        Assert.Equal(2, PlanOf(plan, "a").AllocatedUnits);
        Assert.Equal(0, PlanOf(plan, "b").AllocatedUnits);
    }

    [Fact]
    public void Replan_ServesHigherTiersFirst_AndStrictFcfsWhenConfigured()
    {
        var supply = PlanningScenario.Supply(onHand: 0, cap: 0, Lot("L1", 10, 2), Lot("L2", 25, 2));
        OpenOrderDemand[] orders =
            [Order("early-standard", 2, CustomerTier.Standard, placedMinute: 1), Order("late-gold", 2, CustomerTier.Gold, placedMinute: 9)];

        var byTier = PromisePlanner.Replan(supply, orders, Settings(PriorityRule.TierThenOrderTime), AsOf);
        var fcfs = PromisePlanner.Replan(supply, orders, Settings(PriorityRule.FirstComeFirstServed), AsOf);

        Assert.Equal(new DateOnly(2026, 3, 14), PlanOf(byTier, "late-gold").Estimate);
        Assert.Equal(new DateOnly(2026, 3, 29), PlanOf(byTier, "early-standard").Estimate);
        Assert.Equal(new DateOnly(2026, 3, 14), PlanOf(fcfs, "early-standard").Estimate);
        Assert.Equal(new DateOnly(2026, 3, 29), PlanOf(fcfs, "late-gold").Estimate);
    }

    [Fact]
    public void Replan_WhenALotSlipsPastPromises_ReportsOnlyAffectedOrders_WithDelayedAndTheRevisedDate()
    {
        var promise = Today.AddDays(14);
        OpenOrderDemand[] orders = [Order("on-shelf", 1, promise: promise), Order("on-l1", 2, placedMinute: 1, promise: promise), Order("on-l2", 2, placedMinute: 2, promise: Today.AddDays(40))];
        var before = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(1, 0, Lot("L1", 10, 2), Lot("L2", 20, 2)), orders, Settings(), AsOf));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(1, 0, Lot("L1", 17, 2), Lot("L2", 20, 2)), before, Settings(), AsOf);

        var change = Assert.Single(plan.Changes);
        Assert.Equal("on-l1", change.OrderId);
        Assert.Equal(PromiseStatus.AtRisk, change.Plan.Status);
        Assert.Equal((PromiseStatus.OnTrack, (DateOnly?)new DateOnly(2026, 3, 14)), (change.PreviousStatus, change.PreviousEstimate));
        Assert.Equal(new PromiseNotification("on-l1", Keyboard, PromiseNotificationKind.Delayed, promise, new DateOnly(2026, 3, 21)), change.Notification);
    }

    [Fact]
    public void Replan_WhenAnAtRiskOrderSlipsFurther_NotifiesDelayedAgain_AndWhenRecovered_BackOnTrack()
    {
        var promise = Today.AddDays(14);
        OpenOrderDemand[] orders = [Order("o", 2, promise: promise)];
        var late = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(0, 0, Lot("L1", 15, 2)), orders, Settings(), AsOf));

        var later = PromisePlanner.Replan(PlanningScenario.Supply(0, 0, Lot("L1", 19, 2)), late, Settings(), AsOf);
        var recovered = PromisePlanner.Replan(PlanningScenario.Supply(0, 0, Lot("L1", 12, 2)), Apply(late, later), Settings(), AsOf);

        Assert.Equal((PromiseNotificationKind.Delayed, (DateOnly?)Today.AddDays(21)), (later.Changes[0].Notification!.Kind, later.Changes[0].Notification!.Estimate));
        Assert.Equal((PromiseNotificationKind.BackOnTrack, (DateOnly?)Today.AddDays(14)), (recovered.Changes[0].Notification!.Kind, recovered.Changes[0].Notification!.Estimate));
    }

    [Fact]
    public void Replan_WhenTheLotIsCancelled_OrdersOnItBecomeAtRiskWithAnUnknownDate()
    {
        OpenOrderDemand[] orders = [Order("o", 2)];
        var before = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(0, 5, Lot("L1", 10, 2)), orders, Settings(), AsOf));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(0, 5, Lot("L1", 10, 2, cancelled: true)), before, Settings(), AsOf);

        var change = Assert.Single(plan.Changes);
        Assert.Equal("o: AtRisk unknown [2@PreSaleCap]", change.Plan.ToString());
        Assert.Equal(PromiseNotificationKind.AtRisk, change.Notification!.Kind);
        Assert.Null(change.Notification.Estimate);
    }

    [Fact]
    public void Replan_WhenGoodsArrive_OrdersCoveredByOnHandBecomeReadyToShip()
    {
        OpenOrderDemand[] orders = [Order("first", 2, placedMinute: 1), Order("second", 2, placedMinute: 2)];
        var before = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(0, 0, Lot("L1", 3, 4)), orders, Settings(), AsOf));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(3, 0, Lot("L1", 3, 1)), before, Settings(), AsOf);

        Assert.Equal(["first", "second"], plan.Changes.Select(c => c.OrderId));
        Assert.Equal(PromiseNotificationKind.ReadyToShip, plan.Changes[0].Notification!.Kind);
        Assert.Equal("first: ReadyToShip 2026-03-04 [2@OnHand]", plan.Changes[0].Plan.ToString());
        Assert.Null(plan.Changes[1].Notification);
        Assert.Equal("second: OnTrack 2026-03-07 [1@OnHand, 1@Lot:L1]", plan.Changes[1].Plan.ToString());
    }

    [Fact]
    public void Replan_KeepsAllocationsOfReadyOrders_WhenAHigherTierOrderArrivesLater()
    {
        OpenOrderDemand[] orders = [Order("standard", 2, CustomerTier.Standard, placedMinute: 1)];
        var ready = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(2, 0, Lot("L1", 10, 5)), orders, Settings(), AsOf));
        ready.Add(Order("platinum", 2, CustomerTier.Platinum, placedMinute: 5));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(2, 0, Lot("L1", 10, 5)), ready, Settings(), AsOf.AddDays(1));

        Assert.Equal("standard: ReadyToShip 2026-03-04 [2@OnHand]", PlanOf(plan, "standard").ToString());
        Assert.Equal("platinum: OnTrack 2026-03-14 [2@Lot:L1]", PlanOf(plan, "platinum").ToString());
        Assert.Equal(["platinum"], plan.Changes.Select(c => c.OrderId));
    }

    [Fact]
    public void Replan_WhenOnHandShrinksBelowAllocations_TheLowestRankedAllocationGivesWayAndIsDelayed()
    {
        OpenOrderDemand[] orders = [Order("gold", 2, CustomerTier.Gold), Order("std", 2, CustomerTier.Standard, promise: Today.AddDays(3))];
        var ready = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(4, 0, Lot("L1", 10, 5)), orders, Settings(), AsOf));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(3, 0, Lot("L1", 10, 5)), ready, Settings(), AsOf);

        var change = Assert.Single(plan.Changes);
        Assert.Equal("std: AtRisk 2026-03-14 [1@OnHand, 1@Lot:L1]", change.Plan.ToString());
        Assert.Equal(1, change.Plan.AllocatedUnits);
        Assert.Equal(PromiseNotificationKind.Delayed, change.Notification!.Kind);
    }

    [Fact]
    public void Replan_AnOverdueLotIsExpectedNoEarlierThanToday()
    {
        var plan = PromisePlanner.Replan(PlanningScenario.Supply(0, 0, Lot("overdue", -4, 5)), [Order("o", 1)], Settings(), AsOf);

        Assert.Equal(Today.AddDays(2), PlanOf(plan, "o").Estimate);
        Assert.Equal(Today, plan.Sources[1].AvailableOn);
    }

    [Fact]
    public void Replan_UsesTheShopsLocalDateForToday()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Plus9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");
        var settings = new ReplanSettings(PriorityRule.TierThenOrderTime, new PromiseCalendar(tokyo, 1));
        var lateEveningUtc = new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero);

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(1), [Order("o", 1)], settings, lateEveningUtc);

        Assert.Equal(new DateOnly(2026, 3, 3), plan.Today);
        Assert.Equal(new DateOnly(2026, 3, 4), PlanOf(plan, "o").Estimate);
    }

    [Fact]
    public void Replan_WhenThePromiseWasUnknownAndADateAppears_IsOnTrackAgain()
    {
        OpenOrderDemand[] orders = [Order("o", 1) with { PromiseDate = null }];
        var atRisk = Apply(orders, PromisePlanner.Replan(PlanningScenario.Supply(0, 3), orders, Settings(), AsOf));

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(0, 3, Lot("L1", 50, 1)), atRisk, Settings(), AsOf);

        Assert.Equal(PromiseStatus.AtRisk, atRisk[0].Status);
        Assert.Equal(PromiseNotificationKind.BackOnTrack, plan.Changes.Single().Notification!.Kind);
        Assert.Equal(Today.AddDays(52), plan.Changes.Single().Notification!.Estimate);
    }

    [Fact]
    public void Replan_ReportsDemandPerLotForTheSupplierView()
    {
        OpenOrderDemand[] orders = [Order("a", 2, promise: Today.AddDays(20)), Order("b", 3, placedMinute: 1, promise: Today.AddDays(15)), Order("c", 1, placedMinute: 2)];

        var plan = PromisePlanner.Replan(PlanningScenario.Supply(1, 0, Lot("L1", 10, 3, supplier: "acme"), Lot("L2", 12, 9, supplier: "globex")), orders, Settings(), AsOf);

        var l1 = plan.Sources.Single(s => s.Source == SupplySource.Lot("L1"));
        var l2 = plan.Sources.Single(s => s.Source == SupplySource.Lot("L2"));
        Assert.Equal(("acme", 3, 3L, 2, (DateOnly?)Today.AddDays(15)), (l1.SupplierId, l1.Available, l1.PeggedUnits, l1.OrderCount, l1.EarliestPromiseDate));
        Assert.Equal(("globex", 9, 2L, 2), (l2.SupplierId, l2.Available, l2.PeggedUnits, l2.OrderCount));
    }

    [Fact]
    public void Replan_RejectsRepeatedOrderIds_AndNonPositiveQuantities()
    {
        Assert.Throws<ArgumentException>(() => PromisePlanner.Replan(PlanningScenario.Supply(1), [Order("o", 1), Order("o", 1)], Settings(), AsOf));
        Assert.Throws<ArgumentException>(() => PromisePlanner.Replan(PlanningScenario.Supply(1), [Order("o", 0)], Settings(), AsOf));
        Assert.Throws<ArgumentException>(() => PromisePlanner.Replan(PlanningScenario.Supply(1, 0, Lot("L", 1, 1), Lot("L", 2, 1)), [Order("o", 1)], Settings(), AsOf));
    }

    [Fact]
    public void Replan_WithNoOrders_ReportsSupplyOnly()
    {
        var plan = PromisePlanner.Replan(PlanningScenario.Supply(4, 1, Lot("L1", 3, 2)), [], Settings(), AsOf);

        Assert.Empty(plan.Orders);
        Assert.Empty(plan.Changes);
        Assert.Equal(4, plan.Sources.Count);
    }
}
