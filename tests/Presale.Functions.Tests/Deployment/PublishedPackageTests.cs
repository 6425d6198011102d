using System.IO.Compression;
using System.Text.Json;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The package scripts/publish.sh builds has the layout Flex Consumption expects of a dotnet-isolated app: host.json,
/// the SDK-generated functions.metadata, worker.config.json naming a worker assembly that is in the package, and the
/// host-side extensions (.azurefunctions/) at the root; no custom-handler leftovers; a zip holding exactly the package.
/// </summary>
[Collection(PublishedPackageCollection.Name)]
public sealed class PublishedPackageTests(PublishedPackageFixture package)
{
    [Theory]
    [InlineData("host.json")]
    [InlineData("functions.metadata")]
    [InlineData("worker.config.json")]
    public void Root_HoldsWhatTheHostReads(string file) =>
        Assert.True(File.Exists(Path.Combine(package.PackageFolder, file)), $"{file} is missing from the package root.");

    [Fact]
    public void Root_HoldsTheHostSideExtensions()
    {
        var extensions = Path.Combine(package.PackageFolder, ".azurefunctions");

        Assert.True(Directory.Exists(extensions), ".azurefunctions/ is missing from the package root.");
        Assert.Contains(Directory.EnumerateFiles(extensions), f => Path.GetFileName(f).StartsWith("Microsoft.Azure.WebJobs.Extensions.Storage.Queues", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkerConfig_NamesAWorkerInThePackage_AndTheMetadataDeclaresEveryFunction()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.PackageFolder, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        var worker = description.GetProperty("defaultWorkerPath").GetString()!;
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.PackageFolder, "functions.metadata")));
        var published = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(package.PackageFolder, worker)), $"worker.config.json names '{worker}', which is not in the package.");
        Assert.Equal(Support.TestDefinitions.Shipped().Select(d => d.Name).Order(StringComparer.Ordinal), published);
    }

    [Fact]
    public void Package_HasNoCustomHandlerLeftovers()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.PackageFolder, "host.json")));

        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "host.json still declares a custom handler.");
        Assert.Empty(Directory.EnumerateFiles(package.PackageFolder, "function.json", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(package.PackageFolder, "local.settings.json")), "local.settings.json must not be deployed.");
    }

    [Fact]
    public void Zip_HoldsExactlyThePackage_WithHostJsonAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var files = Directory.EnumerateFiles(package.PackageFolder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(package.PackageFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var entries = zip.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(files, entries);
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(zip.GetEntry("functions.metadata"));
    }
}
