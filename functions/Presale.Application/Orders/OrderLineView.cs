using Presale.Application.Supply;

namespace Presale.Application.Orders;

/// <summary>One order line as the API shows it.</summary>
/// <param name="LineNumber">1-based position.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price of one unit.</param>
/// <param name="PromiseDate">The promised dispatch date (shop-local), once confirmed.</param>
/// <param name="Source">The supply the promise rests on, once confirmed.</param>
/// <param name="Tracking">How the line stands since its SKU was last reconciled; null before that.</param>
public sealed record OrderLineView(int LineNumber, string Sku, int Quantity, decimal UnitPrice, DateOnly? PromiseDate, SupplySourceView? Source, LineTrackingView? Tracking = null);
