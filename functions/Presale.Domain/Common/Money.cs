using System.Globalization;

namespace Presale.Domain.Common;

/// <summary>An amount in one currency (ISO 4217 code). Arithmetic across currencies is a bug and throws.</summary>
public readonly record struct Money
{
    /// <summary>Creates an amount; the currency code is upper-cased and must be three letters.</summary>
    public Money(decimal amount, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        }

        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code, upper case.</summary>
    public string Currency { get; }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Sum of two amounts in the same currency.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + SameCurrency(left, right).Amount, left.Currency);

    /// <summary>Difference of two amounts in the same currency.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - SameCurrency(left, right).Amount, left.Currency);

    /// <summary>The amount scaled by <paramref name="factor"/>.</summary>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Compares two amounts in the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.Amount < SameCurrency(left, right).Amount;

    /// <summary>Compares two amounts in the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.Amount > SameCurrency(left, right).Amount;

    /// <summary>Compares two amounts in the same currency.</summary>
    public static bool operator <=(Money left, Money right) => left.Amount <= SameCurrency(left, right).Amount;

    /// <summary>Compares two amounts in the same currency.</summary>
    public static bool operator >=(Money left, Money right) => left.Amount >= SameCurrency(left, right).Amount;

    /// <summary>Rounded to <paramref name="decimals"/> places, half away from zero (how shops round prices).</summary>
    public Money Round(int decimals = 2) => new(Math.Round(Amount, decimals, MidpointRounding.AwayFromZero), Currency);

    /// <summary>The smaller of two amounts in the same currency.</summary>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>The larger of two amounts in the same currency.</summary>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
}
