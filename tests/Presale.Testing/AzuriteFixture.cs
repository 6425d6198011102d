using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Presale.Testing;

/// <summary>
/// Real Azurite for integration tests, started once per test assembly. When <c>PRESALE_TEST_STORAGE</c> holds a
/// connection string (as <c>.ci/run</c> sets it), that Azurite is used; otherwise the fixture starts the repository's
/// pinned Azurite (<c>npm ci</c> installs it) in memory on free ports and stops it at the end. Tests stay independent by
/// using their own table and queue names (<see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known Azurite development account key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>A storage connection string for the running Azurite.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The Table service endpoint, account path included.</summary>
    public Uri TableEndpoint { get; private set; } = null!;

    /// <summary>The Queue service endpoint, account path included.</summary>
    public Uri QueueEndpoint { get; private set; } = null!;

    /// <summary>A table or queue name no other test uses: letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(40, prefix.Length + 32)].ToLowerInvariant();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            ParseEndpoints(configured);
            return;
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var azurite = RepositoryPaths.Combine("node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in the repository root.");
        }

        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        ParseEndpoints(ConnectionString);
        await WaitUntilListeningAsync(table).ConfigureAwait(false);
        await WaitUntilListeningAsync(queue).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void ParseEndpoints(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        TableEndpoint = new Uri(parts.GetValueOrDefault("TableEndpoint") ?? "http://127.0.0.1:10002/devstoreaccount1");
        QueueEndpoint = new Uri(parts.GetValueOrDefault("QueueEndpoint") ?? "http://127.0.0.1:10001/devstoreaccount1");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync().ConfigureAwait(false)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }
}
