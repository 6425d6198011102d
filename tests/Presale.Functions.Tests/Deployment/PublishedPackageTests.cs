using System.IO.Compression;
using System.Text.Json;
using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The package scripts/publish.sh builds has the layout the Functions host expects of a custom handler:
/// host.json at the root naming the handler, one folder per function holding its function.json, nothing else
/// at the top level, and a zip that keeps the handler's executable bit (<see cref="CustomHandlerProcessTests"/> starts
/// the handler from the unzipped package, which proves it can be executed).
/// </summary>
[Collection(PublishedPackageCollection.Name)]
public sealed class PublishedPackageTests(PublishedPackageFixture package)
{
    private static readonly string DefinitionsFolder = RepositoryPaths.Combine("functions", "Presale.Functions", "Definitions");

    [Fact]
    public void HostJson_AtThePackageRoot_NamesAHandlerInThePackage()
    {
        var handler = Path.Combine(package.PackageFolder, HandlerPath());

        Assert.True(File.Exists(handler), $"host.json names '{HandlerPath()}', which is not in the package.");
    }

    [Fact]
    public void EveryFunctionDefinition_AppearsAsFunctionNameSlashFunctionJson()
    {
        foreach (var definition in Definitions())
        {
            var published = Path.Combine(package.PackageFolder, definition.Name, "function.json");

            Assert.True(File.Exists(published), $"{definition.Name}/function.json is missing from the package.");
            Assert.Equal(File.ReadAllBytes(Path.Combine(definition.FullName, "function.json")), File.ReadAllBytes(published));
        }
    }

    [Fact]
    public void Package_HasNoTopLevelFolderButFunctionFolders()
    {
        var functions = Definitions().Select(definition => definition.Name).ToHashSet(StringComparer.Ordinal);

        var strays = Directory.EnumerateDirectories(package.PackageFolder)
            .Select(Path.GetFileName)
            .Where(name => !functions.Contains(name!))
            .ToList();
        var nestedDefinitions = Directory.EnumerateFiles(package.PackageFolder, "function.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(package.PackageFolder, path))
            .Where(path => Path.GetDirectoryName(Path.GetDirectoryName(path)) != string.Empty)
            .ToList();

        Assert.True(strays.Count == 0, $"Folders that are not functions (the host would see them as broken functions): {string.Join(", ", strays)}");
        Assert.True(nestedDefinitions.Count == 0, $"function.json below the first level: {string.Join(", ", nestedDefinitions)}");
        Assert.False(File.Exists(Path.Combine(package.PackageFolder, "local.settings.json")), "local.settings.json must not be deployed.");
    }

    [Fact]
    public void Zip_HoldsExactlyThePackage_WithHostJsonAtTheRootAndTheHandlerExecutable()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var files = Directory.EnumerateFiles(package.PackageFolder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(package.PackageFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var entries = zip.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToList();
        var handler = zip.GetEntry(HandlerPath().Replace('\\', '/'));

        Assert.Equal(files, entries);
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(handler);
        // Unix permission bits live in the high 16 bits of the external attributes; 0o100 is owner-execute.
        Assert.True(((handler.ExternalAttributes >> 16) & 0b001_000_000) != 0, "The handler lost its executable bit in the zip.");
    }

    private string HandlerPath()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.PackageFolder, "host.json")));
        return host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()
            ?? throw new InvalidOperationException("host.json has no defaultExecutablePath.");
    }

    private static IEnumerable<DirectoryInfo> Definitions() =>
        Directory.Exists(DefinitionsFolder)
            ? new DirectoryInfo(DefinitionsFolder).EnumerateDirectories().Where(folder => File.Exists(Path.Combine(folder.FullName, "function.json")))
            : [];
}
