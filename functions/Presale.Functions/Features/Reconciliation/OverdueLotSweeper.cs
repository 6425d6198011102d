using Microsoft.Azure.Functions.Worker;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// Timer function (hourly): lots whose ETA passed without full receipt or word from the supplier get a system-estimated
/// ETA and their SKUs a reconcile message, so the customers waiting on them hear of the delay before their promise
/// passes (<see cref="OverdueLotSweep"/>).
/// </summary>
public sealed partial class OverdueLotSweeper(OverdueLotSweep sweep, ILogger<OverdueLotSweeper> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>OverdueLotSweeperSchedule</c>.</summary>
    [Function(nameof(OverdueLotSweeper))]
    public async Task RunAsync([TimerTrigger("%OverdueLotSweeperSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var revised = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, revised);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue-lot sweep revised {Count} lots.")]
    private static partial void LogSwept(ILogger logger, int count);
}
