using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Presale.Domain.Security;
using Presale.Testing;

namespace Presale.Benchmarks.Notices;

/// <summary>
/// ETA slip to delay notice: the time from a supplier's signed ETA update being accepted (200) to the delay notice of
/// the order pegged to that lot appearing in the customer's notification feed, through the whole standalone app as
/// its own process on Azurite: the reconcile queue, <c>ReconcileSku</c>, the notifications queue,
/// <c>DeliverNotification</c>. Two conditions, interleaved sample by sample: <b>idle</b> (nothing else happened for
/// <see cref="IdlePause"/>, so the queue pollers have backed off as far as they go) and <b>busy</b> (checkout traffic
/// placing orders throughout, so both queues keep receiving messages). Each sample has its own SKU, lot, order and
/// customer. The target is p95 ≤ 5 s in both. Run with
/// <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --notice-latency [samples]</c> and
/// <c>PRESALE_TEST_STORAGE</c> pointing at a running Azurite; it starts the app as built with the benchmarks.
/// </summary>
public static class NoticeLatencyMeasurement
{
    /// <summary>How long the shop is quiet before an idle sample: longer than the pollers' longest back-off.</summary>
    public static readonly TimeSpan IdlePause = TimeSpan.FromSeconds(20);

    private const string FunctionKey = "notice-latency-key";
    private static readonly TimeSpan NoticeDeadline = TimeSpan.FromSeconds(90);

    /// <summary>Measures <c>samples</c> (default 12) idle and as many busy slips and writes percentiles per condition.</summary>
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12;
        var storage = Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE")
            ?? throw new InvalidOperationException("Set PRESALE_TEST_STORAGE to a running Azurite's connection string.");
        await using var app = await AppProcess.StartAsync(storage);
        var shop = new Shop(app.Client);
        await shop.ConfigureAsync();

        var idle = new List<double>();
        var busy = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var quiet = await shop.PrepareSampleAsync($"idle-{i}");
            await Task.Delay(IdlePause);
            idle.Add(await shop.SlipAndWaitAsync(quiet));

            var loaded = await shop.PrepareSampleAsync($"busy-{i}");
            using var traffic = new CancellationTokenSource();
            var checkout = Task.WhenAll(Enumerable.Range(0, 4).Select(c => shop.CheckoutTrafficAsync($"busy-{i}-{c}", traffic.Token)));
            await Task.Delay(TimeSpan.FromSeconds(3));
            busy.Add(await shop.SlipAndWaitAsync(loaded));
            await traffic.CancelAsync();
            await checkout;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample {i + 1}/{samples}: idle {idle[^1]:F0} ms, busy {busy[^1]:F0} ms"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ETA slip → delay notice in the feed, {samples} samples each, load average {LoadAverage()}"));
        Report(output, "idle (20 s quiet before the slip)", idle);
        Report(output, "busy (4 checkout clients placing orders)", busy);
    }

    private static void Report(TextWriter output, string condition, List<double> millis)
    {
        var sorted = millis.Order().ToArray();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{condition}: p50 {Percentile(sorted, 0.50):F0} ms, p95 {Percentile(sorted, 0.95):F0} ms, max {sorted[^1]:F0} ms (target p95 <= 5000 ms)"));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One sample's order: pegged to its own lot of its own supplier, whose customer is told of the slip.</summary>
    private sealed record Sample(string Supplier, string Secret, string Lot, string Customer, DateOnly Eta);

    /// <summary>The shop the samples run in, driven over HTTP as checkout and suppliers drive it.</summary>
    private sealed class Shop(HttpClient client)
    {
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];

        public Task ConfigureAsync() =>
            SendAsync(HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""");

        public async Task<Sample> PrepareSampleAsync(string name)
        {
            var sku = $"LAT-{_run}-{name}";
            var supplier = $"lat-{_run}-{name}";
            var lot = $"LOT-{sku}";
            var customer = $"cust-{sku}";
            var eta = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(21);
            await SendAsync(HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5,"handlingDays":1}""");
            await SendAsync(HttpMethod.Post, "/api/suppliers", $$$"""{"id":"{{{supplier}}}","name":"Latency supplier","contact":{"email":"ops@example.com"}}""");
            var secret = (string)(await SendAsync(HttpMethod.Post, $"/api/suppliers/{supplier}/webhook-secrets", null))["secret"]!;
            await SendAsync(HttpMethod.Post, $"/api/suppliers/{supplier}/lots", $$"""{"lotId":"{{lot}}","purchaseOrderReference":"PO-{{name}}","eta":"{{eta:yyyy-MM-dd}}","lines":[{"sku":"{{sku}}","quantity":2}]}""");
            await PlaceAsync(sku, customer, $"order-{sku}");
            return new Sample(supplier, secret, lot, customer, eta);
        }

        /// <summary>Posts a signed 10-day ETA slip and returns the milliseconds until the delay notice is in the feed.</summary>
        public async Task<double> SlipAndWaitAsync(Sample sample)
        {
            var body = $$"""{"eventId":"evt-{{sample.Lot}}","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}}","lotId":"{{sample.Lot}}","newEta":"{{sample.Eta.AddDays(10):yyyy-MM-dd}}","reason":"port congestion"}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/suppliers/{sample.Supplier}/eta-updates") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), TimeProvider.System.GetUtcNow(), sample.Secret));
            using var response = await client.SendAsync(request);
            var clock = Stopwatch.StartNew();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The ETA update answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            while (clock.Elapsed < NoticeDeadline)
            {
                var feed = await client.GetStringAsync(new Uri($"/api/customers/{sample.Customer}/notifications", UriKind.Relative));
                if (feed.Contains("\"delayed\"", StringComparison.Ordinal))
                {
                    return clock.Elapsed.TotalMilliseconds;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"No delay notice for {sample.Customer} within {NoticeDeadline.TotalSeconds} s.");
        }

        /// <summary>Places orders on a SKU of its own until cancelled, as a checkout client would.</summary>
        public async Task CheckoutTrafficAsync(string name, CancellationToken cancellationToken)
        {
            var sku = $"TRAFFIC-{_run}-{name}";
            await SendAsync(HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":100000,"maxPerOrder":5,"handlingDays":1}""");
            for (var n = 0; !cancellationToken.IsCancellationRequested; n++)
            {
                await PlaceAsync(sku, $"cust-{sku}-{n}", $"traffic-{sku}-{n}");
                await Task.Delay(200, CancellationToken.None);
            }
        }

        private Task PlaceAsync(string sku, string customer, string idempotencyKey) => SendAsync(
            HttpMethod.Post,
            "/api/orders",
            $$"""{"customerId":"{{customer}}","tier":"standard","notificationContact":{"email":"c@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":10.00}],"currency":"EUR","acceptPreSaleTerms":true}""",
            idempotencyKey);

        private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? body, string? idempotencyKey = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
            }

            return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>The standalone app built next to the benchmarks, as its own process on Azurite.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private AppProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<AppProcess> StartAsync(string storage)
        {
            // The app's own build output, in the configuration the benchmarks were built in (bin/<Configuration>/net10.0).
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = RepositoryPaths.Combine("functions", "Presale.Functions", "bin", configuration, "net10.0", "Presale.Functions.dll");
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [dll])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Combine("functions", "Presale.Functions"),
            };
            start.Environment["AzureWebJobsStorage"] = storage;
            start.Environment["Presale__Host__Url"] = $"http://127.0.0.1:{port}";
            start.Environment["Presale__Host__FunctionKey"] = FunctionKey;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, client);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            await app.DisposeAsync();
            throw new TimeoutException("The app was not healthy within 2 minutes.");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
