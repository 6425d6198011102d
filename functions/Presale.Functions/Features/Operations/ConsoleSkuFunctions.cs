using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Alerts;
using Presale.Application.Kpis;
using Presale.Application.Orders;
using Presale.Application.Replenishment;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Alerts;
using Presale.Domain.Common;
using static Presale.Functions.Features.Operations.ConsoleHtml;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The console's SKU and order pages: a SKU's supply timeline with the orders pegged to each source, its orders at
/// risk and its replenishment suggestion; an order's lines with their promise, estimate and supply. Live reads of the
/// supply, reservations and replenishment queries (one SKU partition), not the snapshot.
/// </summary>
public sealed class ConsoleSkuFunctions(ConsoleAccess access, ShopSettingsStore shops, GetSupplyHandler supply, SkuDemandReader demand, ReplenishmentQuery replenishment, AlertStore alerts, KpiQuery kpis, GetOrderHandler orders, TimeProvider time)
{
    private const string Description = "An HTML page of the operations console (docs/console.md); without the console session the answer is a 401 page, for an unknown SKU or order a 404 page.";

    [Function("ConsoleSku")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: a SKU's supply timeline against the orders pegged to each source, its orders at risk, its replenishment suggestion and its open inventory alerts")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleSkuAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/skus/{sku}")] HttpRequest req, string sku, string? lang, CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cancellationToken);
        var locale = ConsoleTexts.Resolve(lang, shop?.Locale);
        var response = req.HttpContext.Response;
        if (!access.Allows(req))
        {
            return ConsoleFunctions.Refused(response, locale);
        }

        var heading = T(locale, "SkuPage.Title", ("sku", sku));
        if (shop is null || !Sku.TryParse(sku, out var code, out _) || await supply.GetAsync(code, cancellationToken) is not ({ } view, _))
        {
            return Page(response, locale, string.Empty, heading, Paragraph(T(locale, "SkuPage.Unknown")), StatusCodes.Status404NotFound);
        }

        var snapshot = await demand.ReadAsync(code, shop, cancellationToken);
        var assessed = await replenishment.AssessAsync(sku, cancellationToken) as ReplenishmentResult.Assessed;
        var figures = await kpis.SkuAsync(sku, null, null, cancellationToken) as KpiResult<SkuKpisView>.Found;
        var open = new List<AlertView>();
        foreach (var key in (string[])[AlertKey.PreSoldBeyondSupply(code.Value), AlertKey.BelowSafetyStock(code.Value)])
        {
            if (await alerts.GetAsync(key, cancellationToken) is { } alert)
            {
                open.Add(alert);
            }
        }

        return Page(response, locale, string.Empty, heading,
            ConsolePages.Sku(locale, view, shop.LocalDate(time.GetUtcNow()), snapshot?.Reservations ?? [], assessed?.View, open, figures?.View));
    }

    [Function("ConsoleOrder")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: an order's lines with their promise, current estimate and the supply each was promised from")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleOrderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/orders/{orderId}")] HttpRequest req, string orderId, string? lang, CancellationToken cancellationToken)
    {
        var locale = ConsoleTexts.Resolve(lang, (await shops.GetAsync(cancellationToken))?.Locale);
        var response = req.HttpContext.Response;
        if (!access.Allows(req))
        {
            return ConsoleFunctions.Refused(response, locale);
        }

        var heading = T(locale, "Order.Title", ("order", orderId));
        return await orders.GetAsync(orderId, cancellationToken) is { } order
            ? Page(response, locale, string.Empty, heading, ConsolePages.Order(locale, order))
            : Page(response, locale, string.Empty, heading, Paragraph(T(locale, "Order.Unknown")), StatusCodes.Status404NotFound);
    }
}
