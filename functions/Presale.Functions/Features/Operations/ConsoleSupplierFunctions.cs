using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Kpis;
using Presale.Application.Shop;
using Presale.Application.Suppliers;
using static Presale.Functions.Features.Operations.ConsoleHtml;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The console's supplier pages: every supplier's scorecard (from the snapshot), and one supplier's live scorecard
/// with its lots, their ETA history and the customer dates riding on each (the supplier's own demand view).
/// </summary>
public sealed class ConsoleSupplierFunctions(ConsoleAccess access, ShopSettingsStore shops, KpiSnapshotStore snapshots, SupplierScorecardQuery scorecards, SupplierLotsQuery lots)
{
    private const string Description = "An HTML page of the operations console (docs/console.md); without the console session the answer is a 401 page, for an unknown supplier a 404 page.";

    [Function("ConsoleSuppliers")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: every supplier's on-time-in-full against first ETA, slips and grade")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleSuppliersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/suppliers")] HttpRequest req, string? lang, CancellationToken cancellationToken)
    {
        var locale = ConsoleTexts.Resolve(lang, (await shops.GetAsync(cancellationToken))?.Locale);
        if (!access.Allows(req))
        {
            return ConsoleFunctions.Refused(req.HttpContext.Response, locale);
        }

        var status = await snapshots.GetStatusAsync(cancellationToken);
        var cards = await snapshots.ListSuppliersAsync(cancellationToken);
        return Page(req.HttpContext.Response, locale, "Suppliers", T(locale, "Suppliers.Title"), ConsolePages.Suppliers(locale, status, cards));
    }

    [Function("ConsoleSupplier")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: a supplier's scorecard, its lots with their ETA history, and the customer dates riding on each lot")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleSupplierAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/suppliers/{supplierId}")] HttpRequest req, string supplierId, string? lang, CancellationToken cancellationToken)
    {
        var locale = ConsoleTexts.Resolve(lang, (await shops.GetAsync(cancellationToken))?.Locale);
        var response = req.HttpContext.Response;
        if (!access.Allows(req))
        {
            return ConsoleFunctions.Refused(response, locale);
        }

        var heading = T(locale, "Supplier.Title", ("supplier", supplierId));
        if (await scorecards.GetAsync(supplierId, cancellationToken) is not { } card)
        {
            return Page(response, locale, "Suppliers", heading, Paragraph(T(locale, "Supplier.Unknown")), StatusCodes.Status404NotFound);
        }

        return Page(response, locale, "Suppliers", heading, ConsolePages.Supplier(locale, card, await lots.ListAsync(supplierId, cancellationToken)));
    }
}
