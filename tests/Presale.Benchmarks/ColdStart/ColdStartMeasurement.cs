using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Presale.Testing;

namespace Presale.Benchmarks.ColdStart;

/// <summary>
/// Cold start: from process start to the first healthy <c>/api/health</c> answer, for the deployable package's worker
/// started in standalone mode (no Functions host: it reads functions.metadata, maps the HTTP functions, starts its timer
/// and queue triggers; storage on Azurite, so "healthy" includes reaching storage) and for a bare ASP.NET Core app
/// published and started the same way (framework-dependent linux-x64, ReadyToRun), interleaved in one run. The target
/// is a median ratio ≤ 1.5. Both executables must exist: <c>bash scripts/publish.sh</c> builds <c>artifacts/package</c>, and
/// <c>dotnet publish tests/Presale.Benchmarks.BareApp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/bare-app</c>
/// the baseline. Then <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --cold-start [runs]</c> with
/// <c>PRESALE_TEST_STORAGE</c> pointing at a running Azurite.
/// </summary>
public static class ColdStartMeasurement
{
    /// <summary>Measures <c>runs</c> (default 15) starts of each app and writes the medians and their ratio.</summary>
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var storage = Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE")
            ?? throw new InvalidOperationException("Set PRESALE_TEST_STORAGE to a running Azurite's connection string.");
        var handler = Existing(RepositoryPaths.Combine("artifacts", "package", "Presale.Functions"), "bash scripts/publish.sh");
        var bare = Existing(
            RepositoryPaths.Combine("artifacts", "bare-app", "Presale.Benchmarks.BareApp"),
            "dotnet publish tests/Presale.Benchmarks.BareApp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/bare-app");
        var handlerEnvironment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Presale__Suppliers__SecretEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Presale__Compensation__ConsentLinkKey"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
            ["Presale__Compensation__PublicBaseUrl"] = "https://presale-benchmark.azurewebsites.net",

            // As in Azure: the namespace of the event topic (integration events stay off, so nothing is sent while measuring).
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "presale-benchmark.servicebus.windows.net",
        };

        // One unmeasured start of each warms the OS file cache, as a Functions instance's disk would be.
        await StartToHealthyAsync(handler, handlerEnvironment);
        await StartToHealthyAsync(bare, new Dictionary<string, string>());

        var handlerTimes = new List<double>();
        var bareTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            handlerTimes.Add(await StartToHealthyAsync(handler, handlerEnvironment));
            bareTimes.Add(await StartToHealthyAsync(bare, new Dictionary<string, string>()));
        }

        var handlerMedian = Median(handlerTimes);
        var bareMedian = Median(bareTimes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: {runs} each, interleaved (published, framework-dependent, ReadyToRun)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare ASP.NET Core app: median {bareMedian:F0} ms (min {bareTimes.Min():F0}, max {bareTimes.Max():F0})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Presale standalone:    median {handlerMedian:F0} ms (min {handlerTimes.Min():F0}, max {handlerTimes.Max():F0})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (Presale / bare): {handlerMedian / bareMedian:F2} (target <= 1.5)"));
    }

    private static string Existing(string executable, string howToBuild) =>
        File.Exists(executable) ? executable : throw new FileNotFoundException($"{executable} is missing: run `{howToBuild}` first.");

    private static async Task<double> StartToHealthyAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(dll)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Presale__Host__Url"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var health = new Uri($"http://127.0.0.1:{port}/api/health");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with code {process.ExitCode} before answering.");
                }

                try
                {
                    using var response = await client.GetAsync(health);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(5);
            }

            throw new TimeoutException($"{Path.GetFileName(dll)} was not healthy within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
