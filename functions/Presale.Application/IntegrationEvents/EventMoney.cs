using Presale.Domain.Common;

namespace Presale.Application.IntegrationEvents;

/// <summary>An amount in an event body: <c>{"amount": 12.50, "currency": "EUR"}</c>.</summary>
/// <param name="Amount">The amount, in the currency's units (not minor units).</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record EventMoney(decimal Amount, string Currency)
{
    /// <summary>The event form of <paramref name="money"/>.</summary>
    public static EventMoney From(Money money) => new(money.Amount, money.Currency);
}
