using Microsoft.Azure.Functions.Worker;
using Presale.Application.Kpis;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// Timer function: computes the KPI snapshot (every order, return, credit, SKU stock and supplier scorecard read once)
/// and writes its changed rows, so the console and the KPI routes read a handful of rows instead of every order.
/// </summary>
public sealed partial class ComputeKpis(KpiSnapshotRun run, ILogger<ComputeKpis> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>ComputeKpisSchedule</c>.</summary>
    [Function(nameof(ComputeKpis))]
    public async Task RunAsync([TimerTrigger("%ComputeKpisSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var written = await run.RunAsync(cancellationToken);
        if (written is { } rows)
        {
            LogComputed(logger, rows);
        }
        else
        {
            LogNoShop(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ComputeKpis: snapshot computed, {Rows} rows written.")]
    private static partial void LogComputed(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "ComputeKpis: the shop is not configured yet; nothing to measure.")]
    private static partial void LogNoShop(ILogger logger);
}
