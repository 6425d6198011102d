using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Presale.Adapters.Storage;
using Presale.Testing;

namespace Presale.Benchmarks.Storage;

/// <summary>
/// Checkout while storage stops answering: the standalone app as its own process, its Table and Queue endpoints
/// behind <see cref="PausableTcpProxy"/>, <c>clients</c> checkout clients placing one-unit orders throughout, storage
/// held for <c>outage</c> seconds in the middle. A client that gets 503 waits its <c>Retry-After</c> and sends the same
/// order again with the same Idempotency-Key; one that gets no answer within 30 s gives up on that request and does
/// the same. Reported per condition: the answers to requests in flight during the outage (status, answer time, how many got
/// no answer within 30 s), and whether every order ended placed exactly once (reserved units = placed orders). Two
/// conditions in one run: the default request budget (10 s) and a budget of 2 min, where the SDK's own timeouts
/// (30 s per attempt, retried) decide, as before the budget existed. Run with
/// <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --storage-outage [clients] [outage seconds]</c> and
/// <c>PRESALE_TEST_STORAGE</c> pointing at a running Azurite.
/// </summary>
public static class StorageOutageMeasurement
{
    private const string FunctionKey = "storage-outage-key";
    private static readonly TimeSpan NoAnswer = TimeSpan.FromSeconds(30);

    /// <summary>Runs both conditions and writes what the clients saw.</summary>
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 48;
        var outage = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 45);
        var storage = Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE")
            ?? throw new InvalidOperationException("Set PRESALE_TEST_STORAGE to a running Azurite's connection string.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} checkout clients, storage held for {outage.TotalSeconds:0} s, load average {LoadAverage()}"));
        foreach (var (condition, budget) in new[] { ("request budget 10 s (default)", (string?)null), ("request budget 2 min (the SDK's timeouts decide)", "00:02:00") })
        {
            await RunConditionAsync(condition, budget, storage, clients, outage, output);
        }
    }

    private static async Task RunConditionAsync(string condition, string? budget, string storage, int clients, TimeSpan outage, TextWriter output)
    {
        var account = StorageAccount.FromConnectionString(storage);
        await using var tables = PausableTcpProxy.Start(account.TableEndpoint);
        await using var queues = PausableTcpProxy.Start(account.QueueEndpoint);
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.DevelopmentAccountKey};" +
                $"TableEndpoint={tables.Through(account.TableEndpoint)};QueueEndpoint={queues.Through(account.QueueEndpoint)}",
        };
        if (budget is not null)
        {
            settings["Presale__Storage__RequestBudget"] = budget;
        }

        await using var app = await AppProcess.StartAsync(storage, FunctionKey, settings);
        var sku = "OUT-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(app.Client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":1,"locale":"en"}""");
        await SendAsync(app.Client, HttpMethod.Put, $"/api/skus/{sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""");
        await SendAsync(app.Client, HttpMethod.Post, $"/api/skus/{sku}/stock-adjustments", """{"quantity":100000,"reason":"delivery"}""", "stock-" + sku);

        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        var placed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var running = Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(app.Client, sku, c, clock, answers, placed, stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var pausedAt = clock.Elapsed;
        tables.Pause();
        queues.Pause();
        await Task.Delay(outage);
        tables.Resume();
        queues.Resume();
        var resumedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        var during = answers.Where(a => a.SentAt < resumedAt && a.SentAt + a.Took > pausedAt).ToList();
        var answered = during.Where(a => a.Status is not null).Select(a => a.Took.TotalMilliseconds).Order().ToArray();
        var supply = await SendAsync(app.Client, HttpMethod.Get, $"/api/skus/{sku}/supply", null);
        var reserved = supply["reserved"]!.GetValue<long>();
        output.WriteLine($"{condition}:");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  in flight during the outage: {during.Count}; answers {string.Join(", ", during.GroupBy(a => a.Status?.ToString(CultureInfo.InvariantCulture) ?? "none within 30 s").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}"))}"));
        if (answered.Length > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  answer time of those answered: p50 {Percentile(answered, 0.50):F0} ms, p95 {Percentile(answered, 0.95):F0} ms, max {answered[^1]:F0} ms"));
        }

        var normal = answers.Where(a => a.SentAt + a.Took <= pausedAt && a.Status is not null).Select(a => a.Took.TotalMilliseconds).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  before the outage: {normal.Length} answered, p50 {Percentile(normal, 0.50):F0} ms, p95 {Percentile(normal, 0.95):F0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  orders placed (201): {placed.Count}; units reserved: {reserved}; {(reserved == placed.Count ? "every order placed exactly once" : "MISMATCH")}"));
    }

    /// <summary>One checkout client: places orders one after another; a 503 or no answer sends the same order again after a pause.</summary>
    private static async Task ClientAsync(HttpClient client, string sku, int index, Stopwatch clock, ConcurrentBag<Answer> answers, ConcurrentDictionary<string, string> placed, CancellationToken stop)
    {
        var n = 0;
        string? retrying = null;
        while (!stop.IsCancellationRequested || retrying is not null)
        {
            var key = retrying ?? string.Create(CultureInfo.InvariantCulture, $"{sku}-{index}-{n++}");
            var body = $$"""{"customerId":"c{{index}}","tier":"gold","notificationContact":{"email":"c{{index}}@example.com"},"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            using var timeout = new CancellationTokenSource(NoAnswer);
            var sentAt = clock.Elapsed;
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                answers.Add(new Answer(sentAt, clock.Elapsed - sentAt, (int)response.StatusCode));
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        placed[JsonNode.Parse(text)!["orderId"]!.GetValue<string>()] = key;
                        retrying = null;
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        retrying = key;
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), CancellationToken.None);
                        break;
                    default:
                        throw new InvalidOperationException($"Order {key} got {(int)response.StatusCode}: {text}");
                }
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested || e.InnerException is TimeoutException)
            {
                // No answer within 30 s (this client's limit or the app client's own timeout, whichever fired first).
                answers.Add(new Answer(sentAt, clock.Elapsed - sentAt, null));
                retrying = key;
            }
        }
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string? idempotencyKey = null)
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

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One request: when it was sent, how long until its answer (or until the client gave up), its status (null: none within 30 s).</summary>
    private sealed record Answer(TimeSpan SentAt, TimeSpan Took, int? Status);
}
