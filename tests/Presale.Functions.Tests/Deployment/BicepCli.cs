using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The real Bicep CLI: the <c>tools/bicep</c> binary of the Azure.Bicep.CommandLine.linux-x64 package, which a plain
/// <c>dotnet restore</c> of this test project brings (its path is baked into the assembly metadata <c>BicepCli</c>).
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> Executable = new(FindExecutable);

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<BicepResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable.Value} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await output, await error);
    }

    /// <summary>The diagnostics (<c>file(line,col) : Level code: message</c>) in the CLI's output.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        [.. output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => DiagnosticLine().IsMatch(line))];

    private static string FindExecutable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepCli")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}': restore tests/Presale.Functions.Tests (it references Azure.Bicep.CommandLine.linux-x64).");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package referenced here (Azure.Bicep.CommandLine.linux-x64) runs on Linux x64 only.");
        }

        // NuGet may extract the package without the executable bit.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | Execute);
        }

        return path;
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\) : (Error|Warning|Info) [\w-]+: ")]
    private static partial Regex DiagnosticLine();
}
