namespace Presale.Domain.Returns.Triage;

/// <summary>Everything a triage rule may look at for one unit. Amounts are in the order's currency.</summary>
/// <param name="Reason">The reason the customer gave.</param>
/// <param name="Grade">The inspected grade; null at intake, before the unit is seen.</param>
/// <param name="DaysSinceDelivery">Whole days from delivery to <paramref name="Today"/> (shop-local dates).</param>
/// <param name="UnitValue">The price paid for the unit.</param>
/// <param name="Category">The SKU's catalogue category.</param>
/// <param name="WarrantyActive">True when the supplier's warranty still covers the unit today.</param>
/// <param name="ReturnShippingCost">What the return label costs the shop, when known.</param>
/// <param name="ShipmentValue">The value of every unit of the return that would travel in the parcel.</param>
/// <param name="Today">The shop-local day of the decision.</param>
/// <param name="EarlierReturnDates">Shop-local request dates of the customer's earlier returns (this one excluded).</param>
public sealed record TriageFacts(
    ReturnReason Reason,
    ConditionGrade? Grade,
    int DaysSinceDelivery,
    decimal UnitValue,
    string Category,
    bool WarrantyActive,
    decimal? ReturnShippingCost,
    decimal ShipmentValue,
    DateOnly Today,
    IReadOnlyList<DateOnly> EarlierReturnDates)
{
    /// <summary>The customer's earlier returns in the last <paramref name="days"/> days, today included.</summary>
    public int CustomerReturnsWithin(int days) => EarlierReturnDates.Count(d => d <= Today && d > Today.AddDays(-days));
}
