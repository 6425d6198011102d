using BenchmarkDotNet.Running;

namespace Presale.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
