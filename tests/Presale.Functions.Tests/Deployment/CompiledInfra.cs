using System.Collections.Concurrent;

namespace Presale.Functions.Tests.Deployment;

/// <summary>The snapshots of the real infra-bicep/, computed once per test run and parameter file.</summary>
internal static class CompiledInfra
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Snapshots = new(StringComparer.Ordinal);

    /// <summary>The snapshot's JSON for <paramref name="parameterFile"/> (tests parse it, or edit a copy of it).</summary>
    public static Task<string> SnapshotJsonAsync(string parameterFile) =>
        Snapshots.GetOrAdd(parameterFile, file => new Lazy<Task<string>>(async () =>
        {
            using var copy = InfraCopy.Create();
            return (await copy.SnapshotAsync(file)).Json;
        })).Value;

    /// <summary>The parsed snapshot for <paramref name="parameterFile"/>.</summary>
    public static async Task<InfraTemplate> SnapshotAsync(string parameterFile) =>
        InfraTemplate.Parse(await SnapshotJsonAsync(parameterFile), parameterFile);
}
