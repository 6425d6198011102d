using Presale.Domain.Common;
using Presale.Domain.Reconciliation;

namespace Presale.Benchmarks.Reconciliation;

/// <summary>An open order line as stored (the shape the baseline deserialises), with its pegs as (kind, lot, units) rows.</summary>
public sealed record OrderRow(
    string OrderId,
    CustomerTier Tier,
    DateTimeOffset PlacedAt,
    int Quantity,
    DateOnly? PromiseDate,
    PromiseStatus Status,
    DateOnly? Estimate,
    int AllocatedUnits,
    PegRow[] Pegs)
{
    /// <summary>The planner's input for this row.</summary>
    public OpenOrderDemand ToDemand()
    {
        var pegs = new Peg[Pegs.Length];
        for (var i = 0; i < pegs.Length; i++)
        {
            pegs[i] = new Peg(new SupplySource(Pegs[i].Kind, Pegs[i].LotId), Pegs[i].Units);
        }

        return new OpenOrderDemand(OrderId, Tier, PlacedAt, Quantity, PromiseDate, Status, Estimate, AllocatedUnits, pegs);
    }

    /// <summary>The stored row for <paramref name="demand"/>.</summary>
    public static OrderRow From(OpenOrderDemand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return new OrderRow(demand.OrderId, demand.Tier, demand.PlacedAt, demand.Quantity, demand.PromiseDate, demand.Status,
            demand.Estimate, demand.AllocatedUnits, demand.Pegs.Select(p => new PegRow(p.Source.Kind, p.Source.LotId, p.Quantity)).ToArray());
    }
}
