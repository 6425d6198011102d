using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>
/// The rules for a unit cost on a purchase order or in a catalogue: positive, at most
/// <see cref="MaxDecimals"/> decimals (components are bought at fractions of a cent) and at most
/// <see cref="MaxAmount"/>. Amounts derived from it are rounded to the currency's minor units
/// (<see cref="Settlement.MoneyRounding"/>).
/// </summary>
public static class UnitCost
{
    /// <summary>The most decimals a unit cost may have.</summary>
    public const int MaxDecimals = 6;

    /// <summary>The largest unit cost accepted.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Null when <paramref name="amount"/> is a valid unit cost; otherwise why not.</summary>
    public static string? Validate(decimal? amount) => amount switch
    {
        null => "A unit cost is required.",
        <= 0m => "A unit cost is positive.",
        > MaxAmount => $"A unit cost is at most {MaxAmount}.",
        { } value when Decimals(value) > MaxDecimals => $"A unit cost has at most {MaxDecimals} decimals.",
        _ => null,
    };

    /// <summary>The decimals <paramref name="value"/> really has (trailing zeros ignored: 1.50 has one).</summary>
    public static int Decimals(decimal value) => (value / 1.000000000000000000000000000000000m).Scale;

    /// <summary>A unit cost known to be valid, in <paramref name="currency"/>; throws otherwise.</summary>
    public static Money Of(decimal amount, string currency) =>
        Validate(amount) is { } error ? throw new ArgumentOutOfRangeException(nameof(amount), amount, error) : new Money(amount, currency);
}
