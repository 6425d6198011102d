namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// What statements so far settled for one purchase-order line: per rule the units assessed and the amount paid (goods)
/// or charged back (the others), both cumulative. The next statement settles the difference to what the line's facts
/// say now. Amounts are positive magnitudes in the line's currency.
/// </summary>
/// <param name="PurchaseOrderId">The order.</param>
/// <param name="LineNumber">The line.</param>
/// <param name="GoodsUnits">Units paid.</param>
/// <param name="GoodsAmount">round(GoodsUnits × unit cost).</param>
/// <param name="EarlyUnits">Units delivered before the window.</param>
/// <param name="EarlyCharged">Charged back for them (less when waived).</param>
/// <param name="LateUnits">Units delivered after the window.</param>
/// <param name="LateCharged">Charged back for them (less when waived).</param>
/// <param name="ShortUnits">Accepted units cut.</param>
/// <param name="ShortCharged">Charged back for them.</param>
/// <param name="CancelledLineUnits">Accepted units of a line cancelled with nothing delivered.</param>
/// <param name="CancelledLineCharged">Charged back for them.</param>
public sealed record LinePosition(
    string PurchaseOrderId,
    int LineNumber,
    int GoodsUnits = 0,
    decimal GoodsAmount = 0m,
    int EarlyUnits = 0,
    decimal EarlyCharged = 0m,
    int LateUnits = 0,
    decimal LateCharged = 0m,
    int ShortUnits = 0,
    decimal ShortCharged = 0m,
    int CancelledLineUnits = 0,
    decimal CancelledLineCharged = 0m)
{
    /// <summary>The units and amount of <paramref name="rule"/>.</summary>
    public (int Units, decimal Amount) Of(SettlementRule rule) => rule switch
    {
        SettlementRule.Goods => (GoodsUnits, GoodsAmount),
        SettlementRule.EarlyUnits => (EarlyUnits, EarlyCharged),
        SettlementRule.LateUnits => (LateUnits, LateCharged),
        SettlementRule.ShortUnits => (ShortUnits, ShortCharged),
        SettlementRule.CancelledLine => (CancelledLineUnits, CancelledLineCharged),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule."),
    };

    /// <summary>The position with <paramref name="rule"/> at <paramref name="units"/> and <paramref name="amount"/>.</summary>
    public LinePosition With(SettlementRule rule, int units, decimal amount) => rule switch
    {
        SettlementRule.Goods => this with { GoodsUnits = units, GoodsAmount = amount },
        SettlementRule.EarlyUnits => this with { EarlyUnits = units, EarlyCharged = amount },
        SettlementRule.LateUnits => this with { LateUnits = units, LateCharged = amount },
        SettlementRule.ShortUnits => this with { ShortUnits = units, ShortCharged = amount },
        SettlementRule.CancelledLine => this with { CancelledLineUnits = units, CancelledLineCharged = amount },
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule."),
    };
}
