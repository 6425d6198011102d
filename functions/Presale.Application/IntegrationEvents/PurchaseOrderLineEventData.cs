using Presale.Domain.Purchasing;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// One line of a purchase-order event; amounts are in the order's currency (<c>orderedValue.currency</c>). Per-line
/// requested dates are the order's (<c>GET …/purchase-orders/{id}</c>): with them an order of 100 lines would not fit one
/// outbox row.
/// </summary>
/// <param name="LineNumber">Its number (what acknowledgements name); its lot, once accepted, is <c>{purchaseOrderId}-L{lineNumber}</c>.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="UnitCost">Cost per unit (up to 6 decimals).</param>
/// <param name="Answer">The supplier's latest answer: <c>accepted</c> or <c>rejected</c>; absent until it answers.</param>
/// <param name="AcceptedQuantity">Units it will deliver by that answer.</param>
/// <param name="Eta">Its latest ETA (shop-local), while accepted.</param>
public sealed record PurchaseOrderLineEventData(int LineNumber, string Sku, int Quantity, decimal UnitCost, LineAnswer? Answer, int AcceptedQuantity, DateOnly? Eta);
