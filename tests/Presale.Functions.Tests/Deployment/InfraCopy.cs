using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// A temporary copy of infra-bicep/: the Bicep CLI writes its snapshots next to the parameter files, and tests edit
/// the copy, never the repository.
/// </summary>
internal sealed class InfraCopy : IDisposable
{
    /// <summary>The repository's infra-bicep folder.</summary>
    public static readonly string Source = RepositoryPaths.Combine("infra-bicep");

    private InfraCopy(string folder) => Folder = folder;

    /// <summary>The copy's folder.</summary>
    public string Folder { get; }

    /// <summary>The parameter files of infra-bicep/ (file names).</summary>
    public static IReadOnlyList<string> ParameterFiles() =>
        [.. Directory.EnumerateFiles(Source, "*.bicepparam").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Copies infra-bicep/ to a new temporary folder.</summary>
    public static InfraCopy Create()
    {
        var folder = Directory.CreateTempSubdirectory("presale-infra-").FullName;
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new InfraCopy(folder);
    }

    /// <summary>Replaces <paramref name="text"/> in the copy's <paramref name="file"/>; fails when the text is not there.</summary>
    public void Replace(string file, string text, string replacement)
    {
        var path = Path.Combine(Folder, file);
        var content = File.ReadAllText(path);
        Assert.Contains(text, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(text, replacement, StringComparison.Ordinal));
    }

    /// <summary>The deployment snapshot of the copy with <paramref name="parameterFile"/>.</summary>
    public Task<InfraTemplate> SnapshotAsync(string parameterFile) => InfraTemplate.SnapshotAsync(Folder, parameterFile);

    /// <summary>Deletes the copy.</summary>
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
