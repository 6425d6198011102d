using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Presale.Application.DelayConsent;
using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// The HTML a customer's browser gets from a one-click consent link: <c>GET</c> shows the delay and a form whose buttons
/// POST the choice back to the same route; the form's <c>POST</c> (<c>application/x-www-form-urlencoded</c>) gets a
/// confirmation page. The signed token in the form is the only authority: no cookie or session is read, so a forged
/// cross-site post can do nothing the token's holder could not. Text is in the shop's locale (English and Simplified
/// Chinese, resolved as notifications are), every interpolated value is HTML-encoded, and pages may not be framed,
/// cached, or leak the token in a Referer header.
/// </summary>
public static class DelayConsentPage
{
    /// <summary>The form field carrying the signed token.</summary>
    public const string TokenField = "token";

    /// <summary>The form field (the pressed button) carrying the choice.</summary>
    public const string ActionField = "action";

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["en"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Delay.Title"] = "Order {orderId}: a new date",
            ["Delay.Heading"] = "Your order {orderId} is delayed",
            ["Delay.Lead"] = "We are sorry: your order will not be ready by the date we promised.",
            ["Delay.Promised"] = "Promised date",
            ["Delay.Revised"] = "New date",
            ["Delay.Deadline"] = "Please answer by",
            ["Delay.Explain.Consent"] = "We need your agreement to the new date. If we do not hear from you by then, we will cancel the order and refund you in full. You may also cancel now for a full refund.",
            ["Delay.Explain.Silence"] = "If the new date suits you, you need not do anything. You may cancel at any time before the order ships and get a full refund.",
            ["Delay.Choose"] = "Your answer",
            ["Delay.Accept"] = "Accept the new date",
            ["Delay.Cancel"] = "Cancel the order for a full refund",
            ["Delay.CancelNote"] = "A cancellation cannot be undone.",
            ["Delay.OtherLink"] = "To cancel instead, use the cancel link in the same message.",
            ["Delay.Cancelled"] = "This order is already cancelled; there is nothing left to answer.",
            ["Done.Title"] = "Order {orderId}",
            ["Done.Accepted.Heading"] = "Thank you",
            ["Done.Accepted"] = "You accepted the new date. Your order {orderId} will be ready by {promise}.",
            ["Done.Cancelled.Heading"] = "Your order is cancelled",
            ["Done.Cancelled"] = "Your order {orderId} is cancelled. We are refunding {amount} in full.",
            ["Done.Cancelled.NoAmount"] = "Your order {orderId} is cancelled and will be refunded in full.",
            ["Done.Cancelled.Late"] = "The time to accept the new date had passed, so your order {orderId} is cancelled. We are refunding {amount} in full.",
            ["Problem.Title"] = "This link cannot be used",
            ["Problem.Expired"] = "This link has expired.",
            ["Problem.Invalid"] = "This link is not valid. Please use the link in the latest message we sent you.",
            ["Problem.Action"] = "This link does not allow that choice.",
            ["Problem.Form"] = "This answer did not come from the page's form. Please open the link in the message again.",
            ["Problem.NotFound"] = "We could not find a delay notice for this order.",
            ["Problem.OrderCancelled"] = "This order is already cancelled.",
            ["Problem.NoConsentPending"] = "There is no delay waiting for your answer.",
            ["Problem.Stale"] = "A newer delay notice replaced this one. Please use the link in the latest notice.",
            ["Problem.Other"] = "Your answer could not be applied to this order now.",
        },
        ["zh-CN"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Delay.Title"] = "订单 {orderId}：新的日期",
            ["Delay.Heading"] = "您的订单 {orderId} 发货延迟",
            ["Delay.Lead"] = "非常抱歉，您的订单无法在我们承诺的日期前备货完成。",
            ["Delay.Promised"] = "承诺日期",
            ["Delay.Revised"] = "新的日期",
            ["Delay.Deadline"] = "请在此时间前答复",
            ["Delay.Explain.Consent"] = "此次延迟需要您的同意。如我们在此时间前未收到您的答复，订单将被取消并全额退款。您也可以现在取消订单并获得全额退款。",
            ["Delay.Explain.Silence"] = "如您接受新日期，无需任何操作；发货前您可随时取消订单并获得全额退款。",
            ["Delay.Choose"] = "您的答复",
            ["Delay.Accept"] = "接受新日期",
            ["Delay.Cancel"] = "取消订单并全额退款",
            ["Delay.CancelNote"] = "订单取消后无法恢复。",
            ["Delay.OtherLink"] = "如需取消订单，请使用同一通知中的取消链接。",
            ["Delay.Cancelled"] = "该订单已取消，无需再答复。",
            ["Done.Title"] = "订单 {orderId}",
            ["Done.Accepted.Heading"] = "谢谢",
            ["Done.Accepted"] = "您已接受新日期。您的订单 {orderId} 将于 {promise} 前备货完成。",
            ["Done.Cancelled.Heading"] = "订单已取消",
            ["Done.Cancelled"] = "您的订单 {orderId} 已取消，我们将全额退款 {amount}。",
            ["Done.Cancelled.NoAmount"] = "您的订单 {orderId} 已取消，并将全额退款。",
            ["Done.Cancelled.Late"] = "接受新日期的期限已过，您的订单 {orderId} 已取消，我们将全额退款 {amount}。",
            ["Problem.Title"] = "此链接无法使用",
            ["Problem.Expired"] = "此链接已过期。",
            ["Problem.Invalid"] = "此链接无效，请使用我们最近一次通知中的链接。",
            ["Problem.Action"] = "此链接不支持该操作。",
            ["Problem.Form"] = "此答复并非来自页面上的表单，请重新打开通知中的链接。",
            ["Problem.NotFound"] = "未找到该订单的延迟通知。",
            ["Problem.OrderCancelled"] = "该订单已取消。",
            ["Problem.NoConsentPending"] = "目前没有需要您答复的延迟。",
            ["Problem.Stale"] = "此通知已被新的延迟通知取代，请使用最新通知中的链接。",
            ["Problem.Other"] = "目前无法将您的答复应用于该订单。",
        },
    };

    /// <summary>
    /// True when the client prefers HTML: it lists <c>text/html</c> (or <c>application/xhtml+xml</c>) with a higher
    /// quality than JSON (<c>application/json</c>, <c>application/*</c> or <c>*/*</c>), as browsers do. API clients
    /// and requests without an Accept header get JSON.
    /// </summary>
    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        double html = 0, json = 0;
        foreach (var media in accept)
        {
            var quality = media.Quality ?? 1.0;
            var type = media.MediaType.Value ?? string.Empty;
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase) || type == "*/*")
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html > json;
    }

    /// <summary>True when the body is an HTML form post (<c>application/x-www-form-urlencoded</c>).</summary>
    public static bool IsFormPost(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page a link's <c>GET</c> shows: the delay and the choices the link allows, or why it cannot be used.</summary>
    public static ContentHttpResult Describe(HttpResponse response, ConsentPageShop shop, string? token, ConsentLinkDetails details)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(details);
        var locale = shop.Locale;
        if (!details.Verification.IsValid)
        {
            return Page(response, LinkStatusCode(details.Verification.Status), locale, T(locale, "Problem.Title"), T(locale, "Problem.Title"), Paragraph(LinkProblem(locale, details.Verification.Status)));
        }

        var claims = details.Verification.Claims!;
        if (details.Case is not { } state || details.LastNotice is not { } notice)
        {
            return Page(response, StatusCodes.Status404NotFound, locale, T(locale, "Problem.Title"), T(locale, "Problem.Title"), Paragraph(T(locale, "Problem.NotFound")));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["orderId"] = claims.OrderId };
        var body = new StringBuilder();
        body.Append(Paragraph(T(locale, "Delay.Lead")));
        body.Append("<dl>");
        if (notice.PromisedDate is { } promised)
        {
            Term(body, T(locale, "Delay.Promised"), shop.Templates.FormatDate(locale, promised));
        }

        if (notice.RevisedDate is { } revised)
        {
            Term(body, T(locale, "Delay.Revised"), shop.Templates.FormatDate(locale, revised));
        }

        var awaiting = state.Status == DelayConsentStatus.AwaitingConsent;
        if (awaiting && state.ConsentDeadline is { } deadline)
        {
            Term(body, T(locale, "Delay.Deadline"), shop.Templates.FormatInstant(locale, deadline, shop.Zone));
        }

        body.Append("</dl>");
        if (state.Status == DelayConsentStatus.Cancelled)
        {
            body.Append(Paragraph(T(locale, "Delay.Cancelled")));
            return Page(response, StatusCodes.Status200OK, locale, R(locale, "Delay.Title", values), R(locale, "Delay.Heading", values), body.ToString());
        }

        body.Append(Paragraph(T(locale, awaiting ? "Delay.Explain.Consent" : "Delay.Explain.Silence")));
        var canAccept = claims.Allows(ConsentActions.Accept) && awaiting;
        var canCancel = claims.Allows(ConsentActions.Cancel);
        // A relative action: the form posts back to this route, wherever the app is hosted.
        body.Append("<form method=\"post\" action=\"consent\"><fieldset><legend>").Append(Encode(T(locale, "Delay.Choose"))).Append("</legend>");
        body.Append("<input type=\"hidden\" name=\"").Append(TokenField).Append("\" value=\"").Append(Encode(token ?? string.Empty)).Append("\">");
        if (canAccept)
        {
            body.Append("<button type=\"submit\" name=\"").Append(ActionField).Append("\" value=\"accept\">").Append(Encode(T(locale, "Delay.Accept"))).Append("</button>");
        }

        if (canCancel)
        {
            body.Append("<button type=\"submit\" class=\"cancel\" name=\"").Append(ActionField).Append("\" value=\"cancel\" aria-describedby=\"cancel-note\">")
                .Append(Encode(T(locale, "Delay.Cancel"))).Append("</button>");
        }

        body.Append("</fieldset></form>");
        if (canCancel)
        {
            body.Append("<p id=\"cancel-note\" class=\"note\">").Append(Encode(T(locale, "Delay.CancelNote"))).Append("</p>");
        }
        else
        {
            body.Append(Paragraph(T(locale, "Delay.OtherLink")));
        }

        return Page(response, StatusCodes.Status200OK, locale, R(locale, "Delay.Title", values), R(locale, "Delay.Heading", values), body.ToString());
    }

    /// <summary>The page answering a form post: the outcome, or why the answer was refused (with the JSON API's status code).</summary>
    public static ContentHttpResult Answer(HttpResponse response, ConsentPageShop shop, ConsentResponse answer)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var locale = shop.Locale;
        switch (answer)
        {
            case ConsentResponse.Accepted accepted:
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["orderId"] = accepted.OrderId, ["promise"] = shop.Templates.FormatDate(locale, accepted.Promise) };
                return Page(response, StatusCodes.Status200OK, locale, R(locale, "Done.Title", values), T(locale, "Done.Accepted.Heading"), Paragraph(R(locale, "Done.Accepted", values)));
            }

            case ConsentResponse.Cancelled cancelled:
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["orderId"] = cancelled.OrderId };
                string text;
                if (cancelled.Refund is { } refund)
                {
                    values["amount"] = shop.Templates.FormatMoney(locale, refund);
                    text = R(locale, cancelled.Reason == DelayCancellationReason.CustomerCancelled ? "Done.Cancelled" : "Done.Cancelled.Late", values);
                }
                else
                {
                    text = R(locale, "Done.Cancelled.NoAmount", values);
                }

                return Page(response, StatusCodes.Status200OK, locale, R(locale, "Done.Title", values), T(locale, "Done.Cancelled.Heading"), Paragraph(text));
            }

            case ConsentResponse.Rejected rejected:
                return Problem(response, StatusCodes.Status409Conflict, locale, rejected.Rejection switch
                {
                    DelayConsentRejection.OrderCancelled => "Problem.OrderCancelled",
                    DelayConsentRejection.NoConsentPending => "Problem.NoConsentPending",
                    DelayConsentRejection.StaleDelayNotice => "Problem.Stale",
                    _ => "Problem.Other",
                });
            case ConsentResponse.LinkRefused refused:
                return Page(response, LinkStatusCode(refused.Status), locale, T(locale, "Problem.Title"), T(locale, "Problem.Title"), Paragraph(LinkProblem(locale, refused.Status)));
            case ConsentResponse.NotFound:
                return Problem(response, StatusCodes.Status404NotFound, locale, "Problem.NotFound");
            default:
                throw new InvalidOperationException($"Unknown consent response {answer?.GetType().Name}.");
        }
    }

    /// <summary>The page for a form post whose choice is not one of the buttons' (400).</summary>
    public static ContentHttpResult BadChoice(HttpResponse response, ConsentPageShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return Problem(response, StatusCodes.Status400BadRequest, shop.Locale, "Problem.Action");
    }

    /// <summary>
    /// The page for a form post that is not the page's form (400): a field other than <see cref="TokenField"/> and
    /// <see cref="ActionField"/> (names are case-sensitive), a field given twice, or a file.
    /// </summary>
    public static ContentHttpResult BadForm(HttpResponse response, ConsentPageShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return Problem(response, StatusCodes.Status400BadRequest, shop.Locale, "Problem.Form");
    }

    /// <summary>True when <paramref name="form"/> holds exactly what the page's form sends: at most one token and one action, nothing else.</summary>
    public static bool IsPageForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Files.Count == 0 && form.All(field => field.Key is TokenField or ActionField && field.Value.Count <= 1);
    }

    private static ContentHttpResult Problem(HttpResponse response, int status, string locale, string textId) =>
        Page(response, status, locale, T(locale, "Problem.Title"), T(locale, "Problem.Title"), Paragraph(T(locale, textId)));

    private static int LinkStatusCode(ConsentLinkStatus status) => status switch
    {
        ConsentLinkStatus.Malformed => StatusCodes.Status400BadRequest,
        ConsentLinkStatus.Expired => StatusCodes.Status410Gone,
        _ => StatusCodes.Status403Forbidden,
    };

    private static string LinkProblem(string locale, ConsentLinkStatus status) => T(locale, status switch
    {
        ConsentLinkStatus.Expired => "Problem.Expired",
        ConsentLinkStatus.Valid => "Problem.Action",
        _ => "Problem.Invalid",
    });

    private static ContentHttpResult Page(HttpResponse response, int status, string locale, string title, string heading, string bodyHtml)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(locale)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:1.5rem;color:#1a1a1a;background:#fff}")
            .Append("main{max-width:36rem;margin:0 auto}dt{font-weight:600}dd{margin:0 0 .75rem}")
            .Append("fieldset{border:0;padding:0;margin:1.5rem 0 .5rem}legend{font-weight:600;margin-bottom:.75rem}")
            .Append("button{display:block;width:100%;font:inherit;padding:.75rem 1rem;margin:0 0 .75rem;border:2px solid #0b4f8a;border-radius:.375rem;background:#0b4f8a;color:#fff;cursor:pointer}")
            .Append("button.cancel{background:#fff;color:#8a1c0b;border-color:#8a1c0b}button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}.note{font-size:.9rem;color:#444}")
            .Append("</style>\n</head>\n<body>\n<main>\n<h1>").Append(Encode(heading)).Append("</h1>\n")
            .Append(bodyHtml)
            .Append("\n</main>\n</body>\n</html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>HTML-encodes markup characters (&lt; &gt; &amp; quotes); other text, Chinese included, stays as it is.</summary>
    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Paragraph(string text) => "<p>" + Encode(text) + "</p>";

    private static void Term(StringBuilder body, string term, string definition) =>
        body.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(definition)).Append("</dd>");

    private static string T(string locale, string id) => (Texts.TryGetValue(locale, out var texts) ? texts : Texts[NotificationTemplates.FallbackLocale])[id];

    private static string R(string locale, string id, IReadOnlyDictionary<string, string> values)
    {
        var text = T(locale, id);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
