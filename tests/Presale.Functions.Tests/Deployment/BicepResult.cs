namespace Presale.Functions.Tests.Deployment;

/// <summary>How one Bicep CLI run ended.</summary>
/// <param name="ExitCode">The process exit code (0 = success).</param>
/// <param name="Output">Standard output (compiled JSON with <c>--stdout</c>).</param>
/// <param name="Error">Standard error: the diagnostics.</param>
internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Every diagnostic the run printed, on either stream.</summary>
    public IReadOnlyList<string> Diagnostics => [.. BicepCli.Diagnostics(Error), .. BicepCli.Diagnostics(Output)];

    /// <summary>A description for assertion messages.</summary>
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}{Error}{(Output.Length > 2000 ? Output[..2000] + " ..." : Output)}";
}
