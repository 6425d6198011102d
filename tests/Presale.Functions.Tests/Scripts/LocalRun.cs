using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Presale.Testing;

namespace Presale.Functions.Tests.Scripts;

/// <summary>
/// <c>scripts/run-local.sh</c> running as a developer runs it, in a session of its own (as a terminal's foreground job
/// or a supervisor's child), so that <see cref="StopAsync"/> can signal its whole process group the way Ctrl+C or
/// <c>kill -TERM -- -pgid</c> does. Azurite listens on free ports and keeps its data in a given folder; the app listens
/// on a free port. Everything the script printed is kept for assertions; disposing kills whatever is left.
/// </summary>
internal sealed class LocalRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _azuriteLocation;
    private readonly StringBuilder _output = new();

    private LocalRun(Process process, Uri baseAddress, string azuriteLocation)
    {
        _process = process;
        _azuriteLocation = azuriteLocation;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("x-functions-key", "local-dev-function-key");
    }

    /// <summary>A client for the app, with the key run-local.sh sets.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the script, Azurite's launcher and the app printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the script with Azurite's data in <paramref name="azuriteLocation"/> and waits until the app is healthy.</summary>
    public static async Task<LocalRun> StartAsync(string azuriteLocation, CancellationToken cancellationToken)
    {
        var appPort = FreePort();
        var start = new ProcessStartInfo("setsid", ["bash", RepositoryPaths.Combine("scripts", "run-local.sh")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A developer's shell, not the test run's: no build or test-host variables that would steer dotnet run.
        foreach (var name in start.Environment.Keys
            .Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Presale", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase))
            .ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PRESALE_AZURITE_BLOB_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["PRESALE_AZURITE_QUEUE_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["PRESALE_AZURITE_TABLE_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["PRESALE_AZURITE_LOCATION"] = azuriteLocation;
        start.Environment["AZURITE_LOG"] = Path.Combine(azuriteLocation, "azurite.log");
        var baseAddress = new Uri($"http://127.0.0.1:{appPort.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["Presale__Host__Url"] = baseAddress.ToString().TrimEnd('/');

        var process = new Process { StartInfo = start };
        var run = new LocalRun(process, baseAddress, azuriteLocation);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("scripts/run-local.sh did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // dotnet run checks the build first; on a busy machine that alone can take a minute or two.
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(4);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"run-local.sh exited with {process.ExitCode} before the app was healthy:{Environment.NewLine}{run.Output}");
            }

            try
            {
                using var health = await run.Client.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return run;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        await run.DisposeAsync();
        throw new TimeoutException($"The app did not report healthy within 4 minutes:{Environment.NewLine}{run.Output}");
    }

    /// <summary>
    /// Sends SIGTERM to the script's whole process group (as a supervisor stopping it does; Ctrl+C sends SIGINT the same
    /// way) and waits for the script to exit; returns how long that took.
    /// </summary>
    public async Task<TimeSpan> StopAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", "--", "-" + _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(limit.Token);
        return started.Elapsed;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-KILL", "--", "-" + _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        // Azurite runs in a session of its own: after a failed stop it would outlive the group. Its command line names
        // this run's data folder, which no other process's does.
        using (var leftover = Process.Start("pkill", ["-KILL", "-f", _azuriteLocation]))
        {
            await leftover.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
