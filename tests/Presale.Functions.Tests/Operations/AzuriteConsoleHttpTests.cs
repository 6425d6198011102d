using System.Net;
using System.Text;
using Presale.Functions.Features.Operations;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Operations;

/// <summary>
/// The console through the real app on Azurite: refused without a session, the admin key exchanged once for a strict
/// HttpOnly cookie, every page served with it (in English and Chinese), forged and expired cookies refused, and App
/// Service authentication's operator principal honoured only while the platform says it is on.
/// </summary>
public sealed class AzuriteConsoleHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "console-http-admin-key";
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Pages = ["/api/console", "/api/console/skus/KPI-1", "/api/console/suppliers", "/api/console/suppliers/acme", "/api/console/promises", "/api/console/returns"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_RefusesWithoutASession_AndServesEveryPageOnceTheAdminKeyIsExchanged()
    {
        var clock = new ManualTimeProvider(Day0);
        await using var app = AzuriteKpisHttpTests.CreateApp(azurite, clock, AdminKey);
        using (var seeding = app.CreateClient())
        {
            seeding.DefaultRequestHeaders.Add("x-functions-key", "kpis-http-function-key");
            await AzuriteKpisHttpTests.SeedAsync(seeding, app.Services, clock);
        }

        clock.SetUtcNow(Day0.AddDays(5));
        await FunctionRuns.SucceedsAsync(app.Services, "ComputeKpis");
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");
        using var browser = app.CreateClient();

        foreach (var page in Pages)
        {
            using var refused = await browser.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("/api/console/session?code=", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var noKey = await browser.GetAsync("/api/console/session", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        }

        using (var wrongKey = await browser.GetAsync("/api/console/session?code=not-the-admin-key-at-all", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        }

        using (var signedIn = await browser.GetAsync($"/api/console/session?code={AdminKey}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith(ConsoleAccess.CookieName + "=v1.", cookie, StringComparison.Ordinal);
            Assert.Contains("path=/api/console", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var page in Pages)
        {
            using var served = await browser.GetAsync(page, Ct);
            var html = await served.Content.ReadAsStringAsync(Ct);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{page}: {(int)served.StatusCode} {html}");
            Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
            Assert.Contains("<nav aria-label=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("no-store", served.Headers.CacheControl?.ToString());
        }

        var overview = await browser.GetStringAsync("/api/console", Ct);
        Assert.Contains("href=\"/api/console/skus/KPI-1?lang=en\"", overview, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"late\">Late<span class=\"v\">3</span>", overview, StringComparison.Ordinal);
        var chinese = await browser.GetStringAsync("/api/console?lang=zh-CN", Ct);
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("<h1>总览</h1>", chinese, StringComparison.Ordinal);
        using (var unknown = await browser.GetAsync("/api/console/skus/NOPE-1", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // The session ends with its lifetime.
        clock.Advance(new ConsoleOptions().SessionLifetime + TimeSpan.FromSeconds(1));
        using var expired = await browser.GetAsync("/api/console", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Console_RefusesAForgedCookie()
    {
        await using var app = AzuriteKpisHttpTests.CreateApp(azurite, new ManualTimeProvider(Day0), AdminKey);
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");
        using var client = app.CreateClient(new() { HandleCookies = false });
        using var signedIn = await client.GetAsync($"/api/console/session?code={AdminKey}", Ct);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookie(client, cookie));
        var parts = cookie.Split('.');
        var later = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86_400;
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookie(client, $"{parts[0]}.{later}.{parts[2]}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookie(client, cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1]));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookie(client, ConsoleAccess.CookieName + "=v1"));
    }

    [Theory]
    [InlineData("True", "Presale.Operator", HttpStatusCode.OK)]
    [InlineData("True", "Presale.Reader", HttpStatusCode.Unauthorized)]
    [InlineData(null, "Presale.Operator", HttpStatusCode.Unauthorized)]
    public async Task Console_WithAppServiceAuthentication_OpensForTheOperatorRoleOnly(string? authEnabled, string role, HttpStatusCode expected)
    {
        await using var app = AzuriteKpisHttpTests.CreateApp(azurite, new ManualTimeProvider(Day0), AdminKey)
            .With("WEBSITE_AUTH_ENABLED", authEnabled)
            .With("Presale:Console:OperatorRole", "Presale.Operator");
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");
        using var client = app.CreateClient();
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","claims":[{"typ":"name","val":"Ops"},{"typ":"roles","val":"{{role}}"}],"name_typ":"name","role_typ":"roles"}"""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/console/returns");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Texts_HaveEveryIdInEveryLocale()
    {
        var english = ConsoleTexts.ByLocale[ConsoleTexts.English].Keys.Order(StringComparer.Ordinal);
        Assert.Equal(english, ConsoleTexts.ByLocale[ConsoleTexts.Chinese].Keys.Order(StringComparer.Ordinal));
    }

    private static async Task<HttpStatusCode> StatusWithCookie(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/console/returns");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
