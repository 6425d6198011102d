using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Presale.Benchmarks.Operations;

/// <summary>
/// Time to a rendered console overview with many open orders: the standalone app as its own process on Azurite, a shop
/// seeded over HTTP with <c>orders</c> open pre-sale orders (1 unit each, on 100 SKUs' caps, 8 checkout clients retrying a 503 after its Retry-After), the
/// <c>ComputeKpis</c> timer run once (its duration is reported), then the overview page fetched in full with the
/// console's session cookie, interleaved sample by sample with two baselines in the same run: the console's bare
/// sign-in page (the same frame, no figures) and <c>GET /api/health</c>. Run with
/// <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --console-overview [orders] [samples]</c> and
/// <c>PRESALE_TEST_STORAGE</c> pointing at a running Azurite.
/// </summary>
public static class ConsoleOverviewMeasurement
{
    private const string FunctionKey = "console-overview-function-key";
    private const int Skus = 100;

    /// <summary>Seeds, computes the snapshot, and writes the overview's and baselines' latencies and their ratio.</summary>
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var orders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var storage = Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE")
            ?? throw new InvalidOperationException("Set PRESALE_TEST_STORAGE to a running Azurite's connection string.");
        var run = Guid.NewGuid().ToString("N")[..8];
        var tables = new[] { "Orders:ShopTable", "Orders:SupplyTable", "Orders:LotsTable", "Orders:OrdersTable", "Returns:ReturnsTable", "Suppliers:SuppliersTable", "Compensation:CreditsTable", "Purchasing:PurchasingTable", "Alerts:AlertsTable", "Kpis:KpisTable" }
            .ToDictionary(t => "Presale__" + t.Replace(":", "__", StringComparison.Ordinal), t => t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("Table", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + run);
        await using var app = await AppProcess.StartAsync(storage, FunctionKey, tables);
        var api = app.Client;

        await SendAsync(api, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""");
        for (var s = 0; s < Skus; s++)
        {
            await SendAsync(api, HttpMethod.Put, $"/api/skus/OV-{s:D3}", $$"""{"preSaleEnabled":true,"cap":{{(orders / Skus) + 10}},"maxPerOrder":5}""");
        }

        var seeding = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                var body = $$"""{"customerId":"c-{{i % 2000}}","tier":"standard","notificationContact":{"email":"c{{i % 2000}}@example.com"},"lines":[{"sku":"OV-{{i % Skus:D3}}","quantity":1,"unitPrice":20}],"currency":"EUR","acceptPreSaleTerms":true}""";
                await SendAsync(api, HttpMethod.Post, "/api/orders", body, $"ov-{run}-{i}");
            }
        }));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {orders} open orders on {Skus} SKUs in {seeding.Elapsed.TotalSeconds:F0} s"));

        var computing = Stopwatch.StartNew();
        await SendAsync(api, HttpMethod.Post, "/admin/functions/ComputeKpis", """{"input": ""}""");
        while (true)
        {
            using var kpis = await api.GetAsync(new Uri("/api/kpis", UriKind.Relative));
            if (kpis.StatusCode == HttpStatusCode.OK && JsonNode.Parse(await kpis.Content.ReadAsStringAsync())!["openOrders"]!.GetValue<int>() == orders)
            {
                break;
            }

            if (computing.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException("The KPI snapshot did not show every open order within 15 minutes.");
            }

            await Task.Delay(250);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ComputeKpis over {orders} orders: {computing.Elapsed.TotalSeconds:F1} s to the snapshot (polled every 250 ms)"));

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using (var signIn = await browser.GetAsync(new Uri("/api/console/session", UriKind.Relative)))
        {
            signIn.EnsureSuccessStatusCode();
        }

        var overview = new List<double>();
        var bare = new List<double>();
        var health = new List<double>();
        var bytes = 0;
        for (var i = -3; i < samples; i++)
        {
            var (o, length) = await FetchAsync(browser, "/api/console");
            var (b, _) = await FetchAsync(browser, "/api/console/session");
            var (h, _) = await FetchAsync(browser, "/api/health");
            if (i >= 0)
            {
                overview.Add(o);
                bare.Add(b);
                health.Add(h);
                bytes = length;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples} samples each, interleaved, load average {LoadAverage()}; the overview is {bytes:N0} bytes"));
        Report(output, "overview (GET /api/console, full HTML)", overview);
        Report(output, "bare console page (GET /api/console/session)", bare);
        Report(output, "health (GET /api/health)", health);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians: overview / bare page {Median(overview) / Median(bare):F2}, overview / health {Median(overview) / Median(health):F2}"));
    }

    private static async Task<(double Millis, int Bytes)> FetchAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return (clock.Elapsed.TotalMilliseconds, body.Length);
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.SendAsync(Clone(request, body));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // A checkout told to retry later (contention, storage slower than the request's budget) sends the same
            // request again with the same key after Retry-After, as the storefront does.
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, string body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private static void Report(TextWriter output, string what, List<double> millis)
    {
        var sorted = millis.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {Median(millis):F1} ms, p90 {sorted[Math.Max(0, (int)Math.Ceiling(0.9 * sorted.Length) - 1)]:F1} ms, max {sorted[^1]:F1} ms"));
    }

    private static double Median(List<double> millis)
    {
        var sorted = millis.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(0.5 * sorted.Length) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
