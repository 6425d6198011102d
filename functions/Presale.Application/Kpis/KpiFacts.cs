using Presale.Application.Credits;
using Presale.Application.Suppliers;
using Presale.Domain.Orders;
using Presale.Domain.Returns;
using Presale.Domain.Shop;

namespace Presale.Application.Kpis;

/// <summary>Everything one snapshot run reads, before any figure is computed.</summary>
/// <param name="Shop">The shop's settings (time zone, currency).</param>
/// <param name="Orders">Every order.</param>
/// <param name="Returns">Every return.</param>
/// <param name="Credits">Every delay compensation issued.</param>
/// <param name="Skus">Every configured SKU's stock and cost.</param>
/// <param name="Scorecards">Every registered supplier's scorecard as of the shop's today.</param>
public sealed record KpiFacts(
    ShopSettings Shop,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<ReturnRequest> Returns,
    IReadOnlyList<CreditRecord> Credits,
    IReadOnlyList<SkuStock> Skus,
    IReadOnlyList<SupplierScorecardView> Scorecards);
