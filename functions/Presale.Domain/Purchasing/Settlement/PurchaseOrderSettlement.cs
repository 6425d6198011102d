using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>What a statement settles for one purchase order: its items by kind, its share of the rebates and the net.</summary>
/// <param name="PurchaseOrderId">The order.</param>
/// <param name="Goods">Goods items.</param>
/// <param name="Chargebacks">Chargeback items.</param>
/// <param name="ReturnCredits">Return credits of units that came in on it.</param>
/// <param name="Rebates">Its share of the statement's rebates (split by goods, largest remainder).</param>
/// <param name="Net">The sum of the four.</param>
public sealed record PurchaseOrderSettlement(string PurchaseOrderId, Money Goods, Money Chargebacks, Money ReturnCredits, Money Rebates, Money Net);
