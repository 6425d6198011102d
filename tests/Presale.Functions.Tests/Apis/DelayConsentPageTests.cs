using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Presale.Application.DelayConsent;
using Presale.Domain.Common;
using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;
using Presale.Functions.Features.Compensation;

namespace Presale.Functions.Tests.Apis;

public sealed partial class DelayConsentPageTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CancelLinkOpenedInABrowser_ShowsTheDelayInEnglish_AndItsFormCancelsWithAFullRefund()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayConsentApiTests.DelayedOrderAsync(factory, revisedInDays: 45);
        using var browser = factory.CreateClient();
        var link = Link(notice, NotificationLink.CancelOrder);

        using var page = await GetPageAsync(browser, link);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Your order {orderId} is delayed</h1>", html, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.Default.FormatDate("en", notice.RevisedDate!.Value), html, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.Default.FormatInstant("en", notice.ConsentDeadline!.Value, Berlin), html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
        var form = Form(html, link);
        Assert.Equal(["cancel"], form.Buttons);

        // One click: the browser posts the form as it is, with the button pressed.
        using var answer = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, new("action", "cancel")]), Ct);
        var confirmation = await answer.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"Your order {orderId} is cancelled. We are refunding EUR 10.00 in full.", confirmation, StringComparison.Ordinal);
        Assert.Equal("cancelled", await OrderStatusAsync(factory, orderId));
    }

    [Fact]
    public async Task AcceptLinkInAChineseShop_ShowsTheDeadlineInChinese_AndItsFormAcceptsTheNewDate()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayConsentApiTests.DelayedOrderAsync(factory, revisedInDays: 45, locale: "zh-CN");
        using var browser = factory.CreateClient();
        var link = Link(notice, NotificationLink.AcceptDelay);

        using var page = await GetPageAsync(browser, link);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>您的订单 {orderId} 发货延迟</h1>", html, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.Default.FormatDate("zh-CN", notice.RevisedDate!.Value), html, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.Default.FormatInstant("zh-CN", notice.ConsentDeadline!.Value, Berlin), html, StringComparison.Ordinal);
        var form = Form(html, link);
        Assert.Equal(["accept"], form.Buttons);
        Assert.Contains("接受新日期", html, StringComparison.Ordinal);

        using var answer = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, new("action", "accept")]), Ct);
        var confirmation = await answer.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains($"您已接受新日期。您的订单 {orderId} 将于 {NotificationTemplates.Default.FormatDate("zh-CN", notice.RevisedDate.Value)} 前备货完成。", confirmation, StringComparison.Ordinal);
        Assert.Equal("confirmed", await OrderStatusAsync(factory, orderId));
    }

    [Fact]
    public async Task TamperedLink_GetsAnHtmlRefusalInTheBrowser_AndAFormPostOfItChangesNothing()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayConsentApiTests.DelayedOrderAsync(factory, revisedInDays: 45);
        using var browser = factory.CreateClient();
        var link = Link(notice, NotificationLink.CancelOrder);
        var token = Token(link);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var page = await GetPageAsync(browser, new Uri("/api/consent?token=" + Uri.EscapeDataString(tampered), UriKind.Relative));
        using var post = await browser.PostAsync(new Uri("/api/consent", UriKind.Relative), new FormUrlEncodedContent([new("token", tampered), new("action", "cancel")]), Ct);
        using var badChoice = await browser.PostAsync(new Uri("/api/consent", UriKind.Relative), new FormUrlEncodedContent([new("token", token), new("action", "<maybe>")]), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This link is not valid.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("<form", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        Assert.DoesNotContain("<maybe>", await badChoice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("confirmed", await OrderStatusAsync(factory, orderId));
    }

    [Fact]
    public async Task FormPost_WithAFieldThePageDoesNotSend_GetsA400Page_AndChangesNothing()
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayConsentApiTests.DelayedOrderAsync(factory, revisedInDays: 45);
        using var browser = factory.CreateClient();
        var link = Link(notice, NotificationLink.CancelOrder);
        using var page = await GetPageAsync(browser, link);
        var form = Form(await page.Content.ReadAsStringAsync(Ct), link);

        using var extra = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, new("action", "cancel"), new("refund", "store-credit")]), Ct);
        using var cased = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, new("Action", "cancel")]), Ct);
        using var twice = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, new("action", "cancel"), new("action", "accept")]), Ct);
        using var many = await browser.PostAsync(form.Action, new FormUrlEncodedContent([.. form.Fields, .. Enumerable.Range(0, 9).Select(i => KeyValuePair.Create($"f{i}", "x"))]), Ct);

        foreach (var refused in new[] { extra, cased, twice, many })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("This answer did not come from the page", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal("confirmed", await OrderStatusAsync(factory, orderId));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("text/html;q=0.5, application/json")]
    public async Task ApiClients_StillGetJsonFromTheLink(string accept)
    {
        await using var factory = new OrdersApiFactory();
        var (orderId, notice) = await DelayConsentApiTests.DelayedOrderAsync(factory, revisedInDays: 45);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Link(notice, NotificationLink.CancelOrder));
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(orderId, body.RootElement.GetProperty("orderId").GetString());
    }

    [Fact]
    public void Pages_EncodeEveryInterpolatedValue()
    {
        var shop = new ConsentPageShop("en", Berlin, NotificationTemplates.Default);
        var hostileToken = "\"><script>alert(1)</script>";
        var claims = new ConsentLinkClaims("o01aaaaaaaaaaaaaaaaaaaaaaaa", ConsentActions.Cancel, 1, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var state = DelayConsentCase.Restore(claims.OrderId, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 20), DelayConsentStatus.Delayed, 1, null, null, ConsentBasis.Silence, null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var notice = new Notification
        {
            Kind = NotificationKind.Delayed,
            OrderId = claims.OrderId,
            CustomerId = "c1",
            DeduplicationKey = "notif:delayed:x:1",
            Locale = "en",
            Title = "t",
            Text = "t",
            PromisedDate = new DateOnly(2026, 3, 4),
            RevisedDate = new DateOnly(2026, 3, 20),
        };

        var described = Render(DelayConsentPage.Describe(new DefaultHttpContext().Response, shop, hostileToken, new ConsentLinkDetails(new ConsentLinkVerification(ConsentLinkStatus.Valid, claims), state, notice)));
        var answered = Render(DelayConsentPage.Answer(new DefaultHttpContext().Response, shop, new ConsentResponse.Cancelled("<b>o1</b>", DelayCancellationReason.CustomerCancelled, new Money(10m, "EUR"))));

        Assert.DoesNotContain("<script>", described, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", described, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", answered, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;o1&lt;/b&gt;", answered, StringComparison.Ordinal);
    }

    private static string Render(Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult result) => result.ResponseContent ?? string.Empty;

    private static async Task<HttpResponseMessage> GetPageAsync(HttpClient browser, Uri link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.ParseAdd(BrowserAccept);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de-DE"));
        return await browser.SendAsync(request, Ct);
    }

    private static async Task<string?> OrderStatusAsync(OrdersApiFactory factory, string orderId)
    {
        using var keyed = factory.CreateKeyedClient();
        using var order = JsonDocument.Parse(await keyed.GetStringAsync(new Uri("/api/orders/" + orderId, UriKind.Relative), Ct));
        return order.RootElement.GetProperty("status").GetString();
    }

    /// <summary>The link's path and query (the tests' server answers on its own base address).</summary>
    private static Uri Link(Notification notice, string rel) => new(notice.Links.Single(l => l.Rel == rel).Href.PathAndQuery, UriKind.Relative);

    private static string Token(Uri link) => Uri.UnescapeDataString(link.OriginalString[(link.OriginalString.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);

    /// <summary>The page's single POST form as a browser reads it: its action resolved against the page, its hidden fields and its buttons.</summary>
    private static (Uri Action, List<KeyValuePair<string, string>> Fields, List<string> Buttons) Form(string html, Uri page)
    {
        var form = Assert.Single(FormPattern().Matches(html));
        var action = new Uri(new Uri(new Uri("http://localhost"), page), System.Net.WebUtility.HtmlDecode(form.Groups["action"].Value));
        var fields = HiddenPattern().Matches(form.Value).Select(m => KeyValuePair.Create(m.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
        var buttons = ButtonPattern().Matches(form.Value).Select(m => m.Groups["value"].Value).ToList();
        Assert.Equal([DelayConsentPage.TokenField], fields.Select(f => f.Key));
        Assert.Equal(Token(page), fields[0].Value);
        return (new Uri(action.PathAndQuery, UriKind.Relative), fields, buttons);
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\">.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<button type=\"submit\"[^>]* name=\"action\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex ButtonPattern();
}
