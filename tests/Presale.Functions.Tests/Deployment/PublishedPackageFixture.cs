using System.Diagnostics;
using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// Runs scripts/publish.sh once into a temporary folder and unzips the zip it built, as a deployment does; every package
/// test (the <see cref="PublishedPackageCollection"/>) reads that one result.
/// </summary>
public sealed class PublishedPackageFixture : IAsyncLifetime
{
    // A self-contained ReadyToRun publish takes about a minute alone, but several times that on a busy shared machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("presale-publish-");

    /// <summary>The package folder (what is zipped).</summary>
    public string PackageFolder => Path.Combine(_output.FullName, "package");

    /// <summary>The deployable zip.</summary>
    public string ZipPath => Path.Combine(_output.FullName, "presale.zip");

    /// <summary>The zip unpacked (Unix permissions restored from the zip): what the Functions host runs.</summary>
    public string DeployedFolder => Path.Combine(_output.FullName, "deployed");

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

        System.IO.Compression.ZipFile.ExtractToDirectory(ZipPath, DeployedFolder);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _output.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The tests that share one published package (publishing takes minutes).</summary>
[CollectionDefinition(Name)]
public sealed class PublishedPackageCollection : ICollectionFixture<PublishedPackageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Published package";
}
