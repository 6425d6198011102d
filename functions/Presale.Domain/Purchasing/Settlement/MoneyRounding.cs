using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// The rounding rules of settlement (docs/purchasing.md, "Money and rounding"):
/// <list type="number">
/// <item>Unit costs keep up to six decimals; every amount on a statement is rounded to the currency's minor units
/// (two decimals, none for JPY and the other zero-decimal currencies), half away from zero.</item>
/// <item>An amount is always rounded from its <b>cumulative</b> basis: a line's goods are round(units paid so far ×
/// unit cost), and a statement pays the difference to what earlier statements paid. So however a line's deliveries
/// fall across statements, it is paid exactly round(all units × unit cost): no cent lost or gained across statements.
/// Chargebacks follow the same rule with the rate applied before rounding.</item>
/// <item>A rate applied to a sum (a rebate on a statement's goods) is rounded once, on the sum; where it is shown per
/// purchase order it is split by the largest-remainder method, so the shares add up to it exactly.</item>
/// <item>Totals are exact sums of the rounded items; nothing is rounded twice.</item>
/// </list>
/// </summary>
public static class MoneyRounding
{
    private static readonly decimal[] Scales = [0m, 0.0m, 0.00m, 0.000m, 0.0000m];

    /// <summary><paramref name="amount"/> rounded to <paramref name="currency"/>'s minor units, half away from zero, written with exactly that many decimals.</summary>
    public static decimal Round(decimal amount, string currency)
    {
        var decimals = Currencies.MinorUnits(currency);
        return Math.Round(amount, decimals, MidpointRounding.AwayFromZero) + Scales[decimals];
    }

    /// <summary><paramref name="money"/> rounded to its currency's minor units.</summary>
    public static Money Round(Money money) => new(Round(money.Amount, money.Currency), money.Currency);

    /// <summary>round(<paramref name="units"/> × <paramref name="unitCost"/> × <paramref name="rate"/>): the rounded cost of units, at a rate (1 for the goods themselves).</summary>
    public static Money Extend(Money unitCost, long units, decimal rate = 1m) => new(Round(unitCost.Amount * units * rate, unitCost.Currency), unitCost.Currency);

    /// <summary>
    /// Splits <paramref name="total"/> (a whole number of minor units) in proportion to <paramref name="weights"/> by the
    /// largest-remainder method: each share is its exact proportion truncated to minor units, and the minor units left
    /// over go one each to the largest truncated remainders (ties to the earlier weight). The shares add up to the total
    /// exactly and each is within one minor unit of its exact proportion. Negative weights count as 0; with no positive
    /// weight the total is split evenly.
    /// </summary>
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("Nothing to allocate to.", nameof(weights));
        }

        var decimals = Currencies.MinorUnits(total.Currency);
        var factor = decimals == 0 ? 1m : 100m;
        var minor = total.Amount * factor;
        if (minor != decimal.Truncate(minor))
        {
            throw new ArgumentException($"{total} is not a whole number of minor units.", nameof(total));
        }

        var positive = weights.Select(w => Math.Max(w, 0m)).ToArray();
        var sum = positive.Sum();
        if (sum == 0m)
        {
            positive = [.. positive.Select(_ => 1m)];
            sum = positive.Length;
        }

        var sign = Math.Sign(minor);
        var magnitude = Math.Abs(minor);
        var exact = positive.Select(w => magnitude * w / sum).ToArray();
        var shares = exact.Select(decimal.Truncate).ToArray();
        var left = magnitude - shares.Sum();
        foreach (var index in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take((int)left))
        {
            shares[index] += 1m;
        }

        return [.. shares.Select(s => new Money((sign * s / factor) + Scales[decimals], total.Currency))];
    }
}
