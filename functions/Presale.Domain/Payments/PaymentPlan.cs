using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>
/// How a SKU's lines are paid for (a SKU's own plan, or the shop's default). A deposit is either a percentage of the
/// line (1–99) or a fixed amount per unit; a deposit is rounded down to the currency's minor units, so the remainder
/// always lands on the balance (the last instalment), and a fixed deposit never exceeds the line.
/// </summary>
public sealed record PaymentPlan
{
    /// <summary>The largest deposit percentage (100 would be paying in full).</summary>
    public const decimal MaxDepositPercent = 99m;

    private PaymentPlan(PaymentPlanKind kind, decimal? depositPercent, decimal? depositPerUnit)
    {
        Kind = kind;
        DepositPercent = depositPercent;
        DepositPerUnit = depositPerUnit;
    }

    /// <summary>Pay in full at order.</summary>
    public static PaymentPlan FullAtOrder { get; } = new(PaymentPlanKind.FullAtOrder, null, null);

    /// <summary>Pay everything when the line ships.</summary>
    public static PaymentPlan PayOnShip { get; } = new(PaymentPlanKind.PayOnShip, null, null);

    /// <summary>The kind of plan.</summary>
    public PaymentPlanKind Kind { get; }

    /// <summary>The deposit as a percentage of the line (1–99), for a percentage deposit.</summary>
    public decimal? DepositPercent { get; }

    /// <summary>The deposit per unit in the order's currency, for a fixed deposit.</summary>
    public decimal? DepositPerUnit { get; }

    /// <summary>A deposit of <paramref name="percent"/> % of the line now, the balance when ready to ship.</summary>
    public static PaymentPlan DepositOfPercent(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, MaxDepositPercent);
        return new(PaymentPlanKind.Deposit, percent, null);
    }

    /// <summary>A deposit of <paramref name="perUnit"/> per unit now (at most the line), the balance when ready to ship.</summary>
    public static PaymentPlan DepositPerUnitOf(decimal perUnit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perUnit, 0m);
        return new(PaymentPlanKind.Deposit, null, perUnit);
    }

    /// <summary>
    /// The deposit on a line of <paramref name="quantity"/> units totalling <paramref name="lineTotal"/>: zero unless
    /// this is a deposit plan; rounded down to the currency's minor units; never more than the line.
    /// </summary>
    public Money DepositOn(Money lineTotal, int quantity)
    {
        var decimals = Currencies.MinorUnits(lineTotal.Currency);
        var raw = (DepositPercent, DepositPerUnit) switch
        {
            ({ } percent, _) => lineTotal.Amount * percent / 100m,
            (_, { } perUnit) => perUnit * quantity,
            _ => 0m,
        };
        var floored = Math.Round(Math.Min(raw, lineTotal.Amount), decimals, MidpointRounding.ToZero);
        return new Money(Math.Max(0m, floored), lineTotal.Currency);
    }
}
