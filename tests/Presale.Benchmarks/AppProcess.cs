using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Presale.Testing;

namespace Presale.Benchmarks;

/// <summary>The standalone app built next to the benchmarks, as its own process on Azurite, driven over HTTP.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>A client of the app with its function key.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the app on <paramref name="storage"/> with <paramref name="settings"/> added, and waits until it is healthy.</summary>
    public static async Task<AppProcess> StartAsync(string storage, string functionKey, IReadOnlyDictionary<string, string>? settings = null)
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
        start.Environment["Presale__Host__FunctionKey"] = functionKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", functionKey);
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

    /// <inheritdoc />
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
