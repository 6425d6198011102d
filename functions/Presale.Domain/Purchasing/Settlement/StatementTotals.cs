using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>A statement's totals: exact sums of its items by kind, and the payable (their sum; negative when the supplier owes the shop).</summary>
/// <param name="Goods">Goods.</param>
/// <param name="Chargebacks">Chargebacks (negative or 0).</param>
/// <param name="ReturnCredits">Return credits (negative or 0).</param>
/// <param name="Rebates">Rebates.</param>
/// <param name="Payable">What the shop pays the supplier.</param>
public sealed record StatementTotals(Money Goods, Money Chargebacks, Money ReturnCredits, Money Rebates, Money Payable);
