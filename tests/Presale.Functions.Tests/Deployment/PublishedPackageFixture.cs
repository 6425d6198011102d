using System.Diagnostics;
using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>Runs scripts/publish.sh once into a temporary folder; every package test reads that one result.</summary>
public sealed class PublishedPackageFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("presale-publish-");

    /// <summary>The package folder (what is zipped).</summary>
    public string PackageFolder => Path.Combine(_output.FullName, "package");

    /// <summary>The deployable zip.</summary>
    public string ZipPath => Path.Combine(_output.FullName, "presale.zip");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.Combine("scripts", "publish.sh"));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(_output.FullName);

        // Variables the test host's own MSBuild sets would point the nested publish at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/publish.sh did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/publish.sh failed with exit code {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _output.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
