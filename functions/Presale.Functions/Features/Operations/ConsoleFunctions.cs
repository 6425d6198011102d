using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Alerts;
using Presale.Application.Kpis;
using Presale.Application.Shop;
using static Presale.Functions.Features.Operations.ConsoleHtml;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The operations console's sign-in and its shop-wide pages (overview, promises and compensation, returns): HTML for
/// a browser, read from the KPI snapshot and the alert list. Pages are anonymous to the host and check
/// <see cref="ConsoleAccess"/> themselves (a browser cannot send the function key on every click); the sign-in is
/// the one admin-key route. <c>lang</c> (<c>en</c> or <c>zh-CN</c>) chooses the language, else the shop's locale.
/// </summary>
public sealed class ConsoleFunctions(ConsoleAccess access, ShopSettingsStore shops, KpiSnapshotStore snapshots, KpiOptions options, AlertStore alerts)
{
    private const string Description = "An HTML page of the operations console (docs/console.md). Needs the console session cookie the ConsoleSignIn route sets (or, in Azure with App Service authentication, the operator role); without it the answer is a 401 page saying how to sign in.";

    [Function("ConsoleSignIn")]
    [Tags("Operations console")]
    [EndpointSummary("Exchange the admin key for a console session cookie (HttpOnly, SameSite=Strict) and link to the console")]
    [EndpointDescription("Open it once in the browser with ?code=<admin key> (or send x-functions-key): the answer sets the session cookie and links to the console, so the key is not sent again.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleSignInAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "console/session")] HttpRequest req, string? lang, CancellationToken cancellationToken)
    {
        var locale = await LocaleAsync(lang, cancellationToken);
        access.SignIn(req, req.HttpContext.Response);
        return Page(req.HttpContext.Response, locale, string.Empty, T(locale, "SignIn.Title"),
            Paragraph(T(locale, "SignIn.Done")) + "<p>" + Link(Root, locale, T(locale, "SignIn.Open")) + "</p>");
    }

    [Function("ConsoleOverview")]
    [Tags("Operations console")]
    [EndpointSummary("Console overview: orders on track, at risk and late; pre-sold against supply by SKU; promise accuracy this week and last; compensation; returns in flight; open alerts")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleOverviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest req, string? lang, CancellationToken cancellationToken)
    {
        var locale = await LocaleAsync(lang, cancellationToken);
        if (!access.Allows(req))
        {
            return Refused(req.HttpContext.Response, locale);
        }

        var status = await snapshots.GetStatusAsync(cancellationToken);
        ShopKpisView? last30 = null;
        (decimal?, decimal?) accuracy = (null, null);
        if (status is not null)
        {
            var today = status.Today;
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var range = new KpiRange(today.AddDays(1 - options.DefaultRangeDays), today);
            var days = await snapshots.ShopDaysAsync(new[] { range.From, monday.AddDays(-7) }.Min(), today, cancellationToken);
            last30 = KpiPeriod.Shop(days, range, status, options);
            accuracy = (KpiPeriod.Shop(days, new KpiRange(monday, today), status, options).PromiseAccuracy,
                        KpiPeriod.Shop(days, new KpiRange(monday.AddDays(-7), monday.AddDays(-1)), status, options).PromiseAccuracy);
        }

        var open = await alerts.ListOpenAsync(string.Empty, 50, null, cancellationToken);
        return Page(req.HttpContext.Response, locale, "Overview", T(locale, "Overview.Title"), ConsolePages.Overview(locale, status, last30, accuracy, open.Items));
    }

    [Function("ConsolePromises")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: on-time rate by week, broken-promise rate, compensation cost as a share of revenue")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsolePromisesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/promises")] HttpRequest req, string? lang, CancellationToken cancellationToken)
    {
        var locale = await LocaleAsync(lang, cancellationToken);
        if (!access.Allows(req))
        {
            return Refused(req.HttpContext.Response, locale);
        }

        var status = await snapshots.GetStatusAsync(cancellationToken);
        if (status is null)
        {
            return Page(req.HttpContext.Response, locale, "Promises", T(locale, "Promises.Title"), ConsolePages.Promises(locale, null, [], null));
        }

        var range = new KpiRange(status.Today.AddDays(-83), status.Today);
        var days = await snapshots.ShopDaysAsync(range.From, range.To, cancellationToken);
        return Page(req.HttpContext.Response, locale, "Promises", T(locale, "Promises.Title"),
            ConsolePages.Promises(locale, status, KpiPeriod.WeeklyPromises(days, range), KpiPeriod.Shop(days, range, status, options)));
    }

    [Function("ConsoleReturns")]
    [Tags("Operations console")]
    [EndpointSummary("Console page: returns by state, reasons, triage outcomes, restock rate")]
    [EndpointDescription(Description)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    public async Task<IResult> ConsoleReturnsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/returns")] HttpRequest req, string? lang, CancellationToken cancellationToken)
    {
        var locale = await LocaleAsync(lang, cancellationToken);
        if (!access.Allows(req))
        {
            return Refused(req.HttpContext.Response, locale);
        }

        var status = await snapshots.GetStatusAsync(cancellationToken);
        ShopKpisView? last30 = null;
        if (status is not null)
        {
            var range = new KpiRange(status.Today.AddDays(1 - options.DefaultRangeDays), status.Today);
            last30 = KpiPeriod.Shop(await snapshots.ShopDaysAsync(range.From, range.To, cancellationToken), range, status, options);
        }

        return Page(req.HttpContext.Response, locale, "Returns", T(locale, "Returns.Title"), ConsolePages.Returns(locale, status, last30));
    }

    /// <summary>The 401 page of a console request without a session.</summary>
    internal static ContentHttpResult Refused(HttpResponse response, string locale)
    {
        response.Headers.WWWAuthenticate = "Cookie realm=\"presale-console\"";
        return Page(response, locale, string.Empty, T(locale, "SignIn.Title"), Paragraph(T(locale, "SignIn.Needed")), StatusCodes.Status401Unauthorized);
    }

    private async Task<string> LocaleAsync(string? lang, CancellationToken cancellationToken) =>
        ConsoleTexts.Resolve(lang, (await shops.GetAsync(cancellationToken))?.Locale);
}
