using Presale.Domain.Common;
using Presale.Domain.Reconciliation;

namespace Presale.Domain.Tests.Reconciliation;

/// <summary>Builders shared by the planner tests.</summary>
internal static class PlanningScenario
{
    public static readonly Sku Keyboard = Sku.From("KB-75-BLUE");

    /// <summary>2026-03-02 09:00 UTC, a Monday.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 3, 2);

    public static ReplanSettings Settings(PriorityRule priority = PriorityRule.TierThenOrderTime, int handlingDays = 2) =>
        new(priority, new PromiseCalendar(TimeZoneInfo.Utc, handlingDays));

    public static OpenOrderDemand Order(string id, int quantity, CustomerTier tier = CustomerTier.Standard, int placedMinute = 0, DateOnly? promise = null) =>
        new(id, tier, AsOf.AddDays(-10).AddMinutes(placedMinute), quantity, promise ?? Today.AddDays(30));

    public static InboundLot Lot(string id, int etaInDays, int quantity, bool cancelled = false, string supplier = "S1") =>
        new(id, supplier, Today.AddDays(etaInDays), quantity, cancelled);

    public static SupplySnapshot Supply(int onHand, int cap = 0, params InboundLot[] lots) => new(Keyboard, onHand, lots, cap);

    /// <summary>What the order store would hold after writing <paramref name="plan"/>'s changes.</summary>
    public static List<OpenOrderDemand> Apply(IEnumerable<OpenOrderDemand> orders, ReconciliationPlan plan)
    {
        var byId = plan.Orders.ToDictionary(p => p.OrderId, StringComparer.Ordinal);
        return orders.Select(o => byId.TryGetValue(o.OrderId, out var p)
            ? o with { Status = p.Status, Estimate = p.Estimate, AllocatedUnits = p.AllocatedUnits, Pegs = p.Pegs.ToArray() }
            : o).ToList();
    }

    public static OrderPlan PlanOf(ReconciliationPlan plan, string orderId) => plan.Orders.Single(p => p.OrderId == orderId);

    public static string Describe(ReconciliationPlan plan) =>
        string.Join("\n", plan.Orders.OrderBy(p => p.OrderId, StringComparer.Ordinal).Select(p => $"{p}/{p.AllocatedUnits}"));
}
