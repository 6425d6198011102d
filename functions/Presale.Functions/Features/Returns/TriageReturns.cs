using Microsoft.Azure.Functions.Worker;
using Presale.Application.Returns;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Timer function: decides received return units with the shop's triage rules and finishes the returns outbox. A row
/// or return that fails does not stop the run (each is logged with its ids); once the run has done everything else,
/// the invocation fails naming how many failed, so the host records the run as failed.
/// </summary>
public sealed partial class TriageReturns(TriageReturnsRun run, ILogger<TriageReturns> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>TriageReturnsSchedule</c>.</summary>
    [Function(nameof(TriageReturns))]
    public async Task RunAsync([TimerTrigger("%TriageReturnsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var summary = await run.RunAsync(cancellationToken);
        LogRun(logger, summary.Returns, summary.UnitsDecided, summary.OutboxRowsFinished, summary.OutboxRowsFailed, summary.ReturnsFailed);
        if (summary.Failures > 0)
        {
            throw new InvalidOperationException(
                $"Triage finished with {summary.OutboxRowsFailed} outbox row(s) and {summary.ReturnsFailed} return(s) failed; each is logged with its ids and is retried by the next run.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage decided {Units} unit(s) of {Returns} return(s), finished {OutboxRows} outbox row(s); {OutboxRowsFailed} outbox row(s) and {ReturnsFailed} return(s) failed.")]
    private static partial void LogRun(ILogger logger, int returns, int units, int outboxRows, int outboxRowsFailed, int returnsFailed);
}
