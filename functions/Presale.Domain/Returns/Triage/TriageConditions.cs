namespace Presale.Domain.Returns.Triage;

/// <summary>
/// The conditions of one rule. Each property left null is not checked; every one that is set must hold. Bounds are
/// inclusive. Amounts are in the order's currency.
/// </summary>
public sealed record TriageConditions
{
    /// <summary>The reason is one of these.</summary>
    public IReadOnlySet<ReturnReason>? Reasons { get; init; }

    /// <summary>The inspected grade is one of these (never holds before inspection).</summary>
    public IReadOnlySet<ConditionGrade>? Grades { get; init; }

    /// <summary>At least this many days since delivery.</summary>
    public int? MinDaysSinceDelivery { get; init; }

    /// <summary>At most this many days since delivery.</summary>
    public int? MaxDaysSinceDelivery { get; init; }

    /// <summary>The unit's value is at least this.</summary>
    public decimal? MinUnitValue { get; init; }

    /// <summary>The unit's value is at most this.</summary>
    public decimal? MaxUnitValue { get; init; }

    /// <summary>The customer's earlier returns in a window reach a count.</summary>
    public CustomerReturnsCondition? CustomerReturns { get; init; }

    /// <summary>The SKU's category is one of these (ignoring case).</summary>
    public IReadOnlySet<string>? Categories { get; init; }

    /// <summary>The supplier's warranty is (true) or is not (false) active.</summary>
    public bool? WarrantyActive { get; init; }

    /// <summary>
    /// The return label costs more (true), or not more (false), than the goods that would travel. Never holds when the
    /// label cost is unknown.
    /// </summary>
    public bool? ShippingCostExceedsValue { get; init; }

    /// <summary>A rule without conditions matches every unit.</summary>
    public static TriageConditions Always { get; } = new();

    /// <summary>True when no condition is set (the rule matches everything).</summary>
    public bool IsEmpty => this == Always;

    /// <summary>True when every set condition holds for <paramref name="facts"/>.</summary>
    public bool Matches(TriageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return (Reasons is null || Reasons.Contains(facts.Reason))
            && (Grades is null || (facts.Grade is { } grade && Grades.Contains(grade)))
            && (MinDaysSinceDelivery is not { } minDays || facts.DaysSinceDelivery >= minDays)
            && (MaxDaysSinceDelivery is not { } maxDays || facts.DaysSinceDelivery <= maxDays)
            && (MinUnitValue is not { } minValue || facts.UnitValue >= minValue)
            && (MaxUnitValue is not { } maxValue || facts.UnitValue <= maxValue)
            && (CustomerReturns is not { } returns || facts.CustomerReturnsWithin(returns.WithinDays) >= returns.AtLeast)
            && (Categories is null || Categories.Any(c => string.Equals(c, facts.Category, StringComparison.OrdinalIgnoreCase)))
            && (WarrantyActive is not { } warranty || facts.WarrantyActive == warranty)
            && (ShippingCostExceedsValue is not { } exceeds
                || (facts.ReturnShippingCost is { } cost && (cost > facts.ShipmentValue) == exceeds));
    }

    /// <inheritdoc />
    public bool Equals(TriageConditions? other) =>
        other is not null
        && SameSet(Reasons, other.Reasons)
        && SameSet(Grades, other.Grades)
        && MinDaysSinceDelivery == other.MinDaysSinceDelivery
        && MaxDaysSinceDelivery == other.MaxDaysSinceDelivery
        && MinUnitValue == other.MinUnitValue
        && MaxUnitValue == other.MaxUnitValue
        && CustomerReturns == other.CustomerReturns
        && SameSet(Categories, other.Categories)
        && WarrantyActive == other.WarrantyActive
        && ShippingCostExceedsValue == other.ShippingCostExceedsValue;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(MinDaysSinceDelivery, MaxDaysSinceDelivery, MinUnitValue, MaxUnitValue, CustomerReturns, WarrantyActive, ShippingCostExceedsValue);

    private static bool SameSet<T>(IReadOnlySet<T>? left, IReadOnlySet<T>? right) =>
        left is null ? right is null : right is not null && left.SetEquals(right);
}
