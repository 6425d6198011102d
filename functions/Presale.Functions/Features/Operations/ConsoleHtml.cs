using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The console's page frame and HTML helpers: landmarks (banner, navigation, main), a skip link, one <c>h1</c> per
/// page, tables with captions and header scopes, every value HTML-encoded, no script and nothing loaded from
/// elsewhere (the CSP allows inline styles and nothing else), never cached or framed.
/// </summary>
public static class ConsoleHtml
{
    /// <summary>The console's root path.</summary>
    public const string Root = "/api/console";

    private const string Style =
        "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;line-height:1.45;margin:0;color:#1a1a1a;background:#fff}" +
        "a{color:#0b4f8a}a:focus-visible,summary:focus-visible{outline:3px solid #f2a900;outline-offset:2px}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}" +
        "header{background:#0b2e4f;color:#fff;padding:.75rem 1.5rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}" +
        "header a{color:#fff}header .app{font-weight:700;margin-right:auto}nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}" +
        "nav a[aria-current=page]{text-decoration:underline 3px}main{padding:1rem 1.5rem 3rem;max-width:72rem}" +
        "section{margin:1.5rem 0}table{border-collapse:collapse;margin:.5rem 0;min-width:20rem}caption{text-align:left;font-weight:600;padding:.25rem 0}" +
        "th,td{border:1px solid #c8c8c8;padding:.3rem .6rem;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}" +
        ".kpis{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}.kpis li{border:1px solid #c8c8c8;border-radius:.4rem;padding:.6rem 1rem;min-width:10rem}" +
        ".kpis .v{display:block;font-size:1.5rem;font-weight:700}.note{color:#444;font-size:.9rem}figure{margin:.5rem 0}svg text{font:12px system-ui,sans-serif}";

    /// <summary>A complete page (200 unless <paramref name="status"/> says otherwise).</summary>
    public static ContentHttpResult Page(HttpResponse response, string locale, string section, string heading, string body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var other = locale == ConsoleTexts.English ? ConsoleTexts.Chinese : ConsoleTexts.English;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(locale)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n")
            .Append("<title>").Append(Encode(heading)).Append(" · ").Append(Encode(T(locale, "App"))).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(Encode(T(locale, "Skip"))).Append("</a>\n")
            .Append("<header>\n<span class=\"app\">").Append(Encode(T(locale, "App"))).Append("</span>\n<nav aria-label=\"").Append(Encode(T(locale, "Nav"))).Append("\"><ul>");
        foreach (var (id, path) in new[] { ("Overview", string.Empty), ("Suppliers", "/suppliers"), ("Promises", "/promises"), ("Returns", "/returns") })
        {
            html.Append("<li><a href=\"").Append(Encode(Href(Root + path, locale))).Append('"');
            if (id == section)
            {
                html.Append(" aria-current=\"page\"");
            }

            html.Append('>').Append(Encode(T(locale, "Nav." + id))).Append("</a></li>");
        }

        html.Append("</ul></nav>\n<a lang=\"").Append(other).Append("\" href=\"?lang=").Append(Uri.EscapeDataString(other)).Append("\">").Append(Encode(T(locale, "Language"))).Append("</a>\n</header>\n")
            .Append("<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(Encode(heading)).Append("</h1>\n").Append(body).Append("\n</main>\n</body>\n</html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A console link keeping the page's language.</summary>
    public static string Href(string path, string locale) => path + "?lang=" + Uri.EscapeDataString(locale);

    /// <summary>An anchor to a console path.</summary>
    public static string Link(string path, string locale, string text) =>
        "<a href=\"" + Encode(Href(path, locale)) + "\">" + Encode(text) + "</a>";

    /// <summary>The path of a SKU's page.</summary>
    public static string SkuPath(string sku) => Root + "/skus/" + Uri.EscapeDataString(sku);

    /// <summary>The path of a supplier's page.</summary>
    public static string SupplierPath(string supplierId) => Root + "/suppliers/" + Uri.EscapeDataString(supplierId);

    /// <summary>The path of an order's page.</summary>
    public static string OrderPath(string orderId) => Root + "/orders/" + Uri.EscapeDataString(orderId);

    /// <summary>HTML-encodes text (markup characters only; other text, Chinese included, stays as it is).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A text in the locale.</summary>
    public static string T(string locale, string id, params (string Name, string Value)[] values) => ConsoleTexts.T(locale, id, values);

    /// <summary>A section with an <c>h2</c> whose id labels it.</summary>
    public static string Section(string id, string heading, string content) =>
        "<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">" + Encode(heading) + "</h2>\n" + content + "</section>\n";

    /// <summary>A paragraph.</summary>
    public static string Paragraph(string text, string? cssClass = null) =>
        "<p" + (cssClass is null ? string.Empty : " class=\"" + cssClass + "\"") + ">" + Encode(text) + "</p>";

    /// <summary>
    /// A table: a caption, header cells (a header ending in <c>#</c> is a numeric column, right-aligned) and rows of
    /// cells that are already HTML (encode text with <see cref="Encode"/>). The first cell of a row is its row header.
    /// </summary>
    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var numeric = headers.Select(h => h.EndsWith('#')).ToArray();
        var html = new StringBuilder("<table").Append(id is null ? string.Empty : " id=\"" + id + "\"").Append("><caption>").Append(Encode(caption)).Append("</caption><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append("<th scope=\"col\"").Append(numeric[i] ? " class=\"n\"" : string.Empty).Append('>').Append(Encode(headers[i].TrimEnd('#'))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var tag = i == 0 ? "th scope=\"row\"" : "td";
                html.Append('<').Append(tag).Append(i < numeric.Length && numeric[i] ? " class=\"n\"" : string.Empty).Append('>').Append(row[i]).Append("</").Append(i == 0 ? "th" : "td").Append('>');
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    /// <summary>Headline figures as a list of labelled values (each with a <c>data-kpi</c> name for tests and scripts).</summary>
    public static string Figures(IEnumerable<(string Name, string Label, string Value)> figures) =>
        "<ul class=\"kpis\">" + string.Concat(figures.Select(f => "<li data-kpi=\"" + Encode(f.Name) + "\">" + Encode(f.Label) + "<span class=\"v\">" + Encode(f.Value) + "</span></li>")) + "</ul>\n";

    /// <summary>A whole number, invariant digits with the locale's grouping.</summary>
    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An amount with two decimals, or "–" when unknown.</summary>
    public static string Money(decimal? value) => value is { } v ? v.ToString("#,0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>A fraction as a percentage with one decimal, or "–" when there was nothing to measure.</summary>
    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A fraction (double) as a percentage.</summary>
    public static string Percent(double? fraction) => Percent(fraction is { } f ? (decimal?)(decimal)f : null);

    /// <summary>A decimal with up to two decimals, or "–".</summary>
    public static string Decimal(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "–";

    /// <summary>A date as yyyy-MM-dd, or "–".</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";
}
