using BenchmarkDotNet.Running;

namespace Presale.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    /// <summary>
    /// Runs the benchmarks chosen on the command line, or a seeded simulation
    /// (<c>-- --simulation promises [seed] [lots]</c>), which measures outcomes rather than time, or the cold-start
    /// comparison of whole processes (<c>-- --cold-start [runs]</c>) or the ETA-slip-to-delay-notice latency through the
    /// running app (<c>-- --notice-latency [samples]</c>) or checkout's answers while storage stops answering
    /// (<c>-- --storage-outage [clients] [seconds]</c>) or the time to a rendered console overview with many open orders
    /// (<c>-- --console-overview [orders] [samples]</c>), which BenchmarkDotNet cannot time.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["--cold-start", .. var runs])
        {
            ColdStart.ColdStartMeasurement.RunAsync(runs, Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--notice-latency", .. var samples])
        {
            Notices.NoticeLatencyMeasurement.RunAsync(samples, Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--storage-outage", .. var outage])
        {
            Storage.StorageOutageMeasurement.RunAsync(outage, Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--console-overview", .. var overview])
        {
            Operations.ConsoleOverviewMeasurement.RunAsync(overview, Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["--simulation", "promises", .. var rest])
        {
            Promises.PromiseBufferSimulation.Run(rest, Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
