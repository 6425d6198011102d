using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Settlement;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Timer function: closes every supplier's statements of periods that ended at least
/// <c>Presale:Purchasing:StatementCloseDelay</c> ago (each period once, however many runs). A supplier that fails does not
/// hold up the others; the invocation then fails at the end, so the host records it, and the next run retries.
/// </summary>
public sealed partial class CloseSupplierStatements(SettlementSweep sweep, ILogger<CloseSupplierStatements> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>CloseSupplierStatementsSchedule</c>.</summary>
    [Function(nameof(CloseSupplierStatements))]
    public async Task RunAsync([TimerTrigger("%CloseSupplierStatementsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var (closed, failed) = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, closed, failed);
        if (failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Closing statements failed for {failed} supplier(s) (logged with their ids); {closed} statement(s) were closed, and the next run retries the rest."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloseSupplierStatements: {Closed} statements closed, {Failed} suppliers failed.")]
    private static partial void LogSwept(ILogger logger, int closed, int failed);
}
