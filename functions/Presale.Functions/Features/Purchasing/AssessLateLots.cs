using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Replenishment;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Timer function: re-sourcing. For every open lot whose ETA puts customer promises at risk beyond the threshold, raises
/// an alert naming another supplier that could deliver sooner and the orders it would save; clears the alerts whose
/// risk or option is gone. A lot that fails does not hold up the others; the invocation then fails at the end.
/// </summary>
public sealed partial class AssessLateLots(ResourcingSweep sweep, ILogger<AssessLateLots> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>AssessLateLotsSchedule</c>.</summary>
    [Function(nameof(AssessLateLots))]
    public async Task RunAsync([TimerTrigger("%AssessLateLotsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var (raised, cleared, failed) = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, raised, cleared, failed);
        if (failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Assessing {failed} lot(s) failed (logged with their ids); the next run retries them. {raised} alert(s) raised, {cleared} cleared."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AssessLateLots: {Raised} re-sourcing alerts raised, {Cleared} cleared, {Failed} lots failed.")]
    private static partial void LogSwept(ILogger logger, int raised, int cleared, int failed);
}
