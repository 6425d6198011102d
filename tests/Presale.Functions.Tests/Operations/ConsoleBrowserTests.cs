using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Presale.Application.Common;
using Presale.Application.Purchasing;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Operations;

/// <summary>
/// The console as an operator uses it, in real headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by
/// Playwright; no browser is downloaded): a shop seeded through the API on Azurite, the app listening on a real port
/// in standalone mode, sign-in with the admin key, every page opened and its figures checked against the API, the
/// click path SKU → order → supplier, the keyboard's skip link, the Chinese pages, and the screenshots
/// docs/console.md shows (written to docs/console/).
/// </summary>
public sealed class ConsoleBrowserTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string FunctionKey = "console-browser-function-key";
    private const string AdminKey = "console-browser-admin-key";
    private const string Sku = "LAMP-9";
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_SignsIn_ReadsEveryPage_AndClicksFromSkuToOrderToSupplier()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium package.");
        var port = FreePort();
        await using var app = PresaleApp.WithTriggersOnAzurite(azurite.ConnectionString, FunctionKey)
            .With("Presale:Host:Url", $"http://127.0.0.1:{port}")
            .With("Presale:Host:AdminKey", AdminKey);
        app.UseKestrel();
        app.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        var (delayed, today) = await SeedAsync(api, app.Services);
        await FunctionRuns.SucceedsAsync(app.Services, "ComputeKpis");
        var kpis = await SendAsync(api, HttpMethod.Get, "/api/kpis", null, HttpStatusCode.OK);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();

        // Without a session the console says how to sign in; the admin key is exchanged once.
        var refused = await page.GotoAsync($"{baseUrl}/api/console");
        Assert.Equal(401, refused!.Status);
        await page.GotoAsync($"{baseUrl}/api/console/session?code={AdminKey}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the console" }).ClickAsync();

        // Overview: the figures are the API's.
        Assert.Equal("Overview", await page.Locator("h1").InnerTextAsync());
        foreach (var (kpi, field) in new[] { ("open-orders", "openOrders"), ("on-track", "onTrack"), ("at-risk", "atRisk"), ("late", "late") })
        {
            Assert.Equal(kpis[field]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), await Figure(page, kpi));
        }

        Assert.Equal("1", await Figure(page, "at-risk"));
        Assert.Equal(ConsoleMoney(kpis["compensation"]!.GetValue<decimal>()) + " EUR", await Figure(page, "compensation"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await Screenshot(page, "overview");

        // SKU: the supply timeline is the ledger's sequence; the delayed order is at risk.
        await page.Locator("#table-supply").GetByRole(AriaRole.Link, new() { Name = Sku }).ClickAsync();
        Assert.Equal($"SKU {Sku}", await page.Locator("h1").InnerTextAsync());
        var supply = await SendAsync(api, HttpMethod.Get, $"/api/skus/{Sku}/supply", null, HttpStatusCode.OK);
        var rows = await page.Locator("#table-timeline tbody tr").AllAsync();
        var sequence = supply["sequence"]!.AsArray();
        Assert.Equal(sequence.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = await rows[i].Locator("th, td").AllInnerTextsAsync();
            Assert.Equal(sequence[i]!["availableOn"]!.GetValue<string>(), cells[1]);
            Assert.Equal(sequence[i]!["quantity"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), cells[3]);
            Assert.Equal(sequence[i]!["reserved"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), cells[4]);
        }

        Assert.Contains(delayed, await page.Locator("#table-at-risk").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("svg[role=img]").CountAsync());
        await Screenshot(page, "sku");

        // Order: its promise and the lot it waits on.
        await page.Locator("#table-at-risk").GetByRole(AriaRole.Link, new() { Name = delayed }).ClickAsync();
        var order = await SendAsync(api, HttpMethod.Get, $"/api/orders/{delayed}", null, HttpStatusCode.OK);
        var line = order["lines"]![0]!;
        var lineCells = await page.Locator("#table-lines tbody tr").First.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(line["promiseDate"]!.GetValue<string>(), lineCells[2]);
        Assert.Equal("AtRisk", lineCells[3]);
        Assert.Equal(line["tracking"]!["estimate"]!.GetValue<string>(), lineCells[4]);
        await Screenshot(page, "order");

        // Supplier: the lot's ETA history as the supplier's demand view has it.
        await page.Locator("#table-lines").GetByRole(AriaRole.Link, new() { Name = "Lot L1 (acme)" }).ClickAsync();
        Assert.Equal("Supplier acme", await page.Locator("h1").InnerTextAsync());
        var lots = await SendAsync(api, HttpMethod.Get, "/api/suppliers/acme/lots", null, HttpStatusCode.OK, array: true);
        var history = string.Join(" → ", lots["items"]![0]!["etaHistory"]!.AsArray().Select(h => h!["eta"]!.GetValue<string>()));
        Assert.Equal($"{today.AddDays(10):yyyy-MM-dd} → {today.AddDays(20):yyyy-MM-dd}", history);
        var lotCells = await page.Locator("#table-lots tbody tr").First.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(("L1", history), (lotCells[0], lotCells[4]));
        var scorecard = await SendAsync(api, HttpMethod.Get, "/api/suppliers/acme/scorecard", null, HttpStatusCode.OK);
        foreach (var (kpi, field) in new[] { ("p50-slip", "p50SlipDays"), ("p90-slip", "p90SlipDays") })
        {
            Assert.Equal(scorecard[field] is { } days ? days.GetValue<int>().ToString(CultureInfo.InvariantCulture) : "–", await Figure(page, kpi));
        }

        await Screenshot(page, "supplier");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Suppliers" }).ClickAsync();
        Assert.Contains("acme", await page.Locator("#table-suppliers").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Promises and compensation" }).ClickAsync();
        Assert.Equal("Promises and compensation", await page.Locator("h1").InnerTextAsync());
        await Screenshot(page, "promises");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Returns" }).ClickAsync();
        Assert.Equal("Returns", await page.Locator("h1").InnerTextAsync());
        await Screenshot(page, "returns");

        // The same console in Simplified Chinese.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("总览", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("1", await Figure(page, "at-risk"));
        await Screenshot(page, "overview-zh");
    }

    /// <summary>
    /// The shop: LAMP-9 with 2 on hand and lot L1 of 4 from acme due in 10 days; ann buys 2 (on hand), bea 2 (the lot);
    /// acme then moves the lot 10 days later, so bea's order is at risk. Returns bea's order id and the shop's today.
    /// </summary>
    private static async Task<(string Delayed, DateOnly Today)> SeedAsync(HttpClient api, IServiceProvider services)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await SendAsync(api, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(api, HttpMethod.Put, $"/api/skus/{Sku}", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5,"category":"home"}""", HttpStatusCode.Created);
        await SendAsync(api, HttpMethod.Post, $"/api/skus/{Sku}/stock-adjustments", """{"quantity":2,"reason":"delivery"}""", HttpStatusCode.OK, "browser-stock");
        await SendAsync(api, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = (await SendAsync(api, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        await SendAsync(api, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"L1","purchaseOrderReference":"PO-1","eta":"{{today.AddDays(10):yyyy-MM-dd}}","lines":[{"sku":"{{Sku}}","quantity":4}]}""", HttpStatusCode.Created);
        var terms = JsonSerializer.Deserialize<SupplierTermsRequest>(
            $$"""
            {"currency":"EUR","paymentTerms":{"netDays":30,"basis":"receipt"},"onTimeWindow":{"daysEarly":2,"daysLate":0,"reference":"requestedDate"},
             "chargebacks":{"lateUnits":0.03,"shortUnits":0.05,"cancelledLine":0.10},"rebates":{"byGrade":{},"volumeTiers":[]},
             "catalogue":[{"sku":"{{Sku}}","unitCost":12,"minimumOrderQuantity":1,"packSize":1}]}
            """,
            PresaleJson.Requests)!;
        await services.GetRequiredService<SupplierTermsStore>().PutAsync("acme", terms, today, now, Ct);

        await PlaceAsync(api, "ann", "browser-a");
        var bea = await PlaceAsync(api, "bea", "browser-b");
        await JsonCalls.EventuallyAsync(() => SendAsync(api, HttpMethod.Get, $"/api/orders/{bea}", null, HttpStatusCode.OK), o => o["lines"]![0]!["tracking"]?["status"]?.GetValue<string>() == "onTrack", TimeSpan.FromSeconds(60));
        var slip = $$"""{"eventId":"eta-1","supplierTimestamp":"{{now:O}}","lotId":"L1","newEta":"{{today.AddDays(20):yyyy-MM-dd}}","reason":"vessel delayed"}""";
        await PostSignedAsync(api, "/api/suppliers/acme/eta-updates", slip, secret);
        await JsonCalls.EventuallyAsync(() => SendAsync(api, HttpMethod.Get, $"/api/orders/{bea}", null, HttpStatusCode.OK), o => o["lines"]![0]!["tracking"]?["status"]?.GetValue<string>() == "atRisk", TimeSpan.FromSeconds(60));
        return (bea, today);
    }

    private static async Task<string> PlaceAsync(HttpClient api, string customer, string key) =>
        (await SendAsync(api, HttpMethod.Post, "/api/orders", $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"{{Sku}}","quantity":2,"unitPrice":30}],"currency":"EUR","acceptPreSaleTerms":true}""", HttpStatusCode.Created, key))["orderId"]!.GetValue<string>();

    private static Task<string> Figure(IPage page, string name) => page.Locator($"[data-kpi={name}] .v").InnerTextAsync();

    private static string ConsoleMoney(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Saves the page under <c>artifacts/console</c>, or where <c>PRESALE_CONSOLE_SCREENSHOTS</c> says (<c>docs/console</c>
    /// refreshes the documentation's pictures), so an ordinary test run leaves the working tree as it was.
    /// </summary>
    private static Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PRESALE_CONSOLE_SCREENSHOTS") is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen, RepositoryPaths.Combine())
            : RepositoryPaths.Combine("artifacts", "console");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
