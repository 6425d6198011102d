using Presale.Application.Returns;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>Timer function: decides received return units with the shop's triage rules and finishes the returns outbox.</summary>
public sealed partial class TriageReturns(TriageReturnsRun run, ILogger<TriageReturns> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(TriageReturns);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var summary = await run.RunAsync(cancellationToken);
        LogRun(logger, summary.Returns, summary.UnitsDecided, summary.OutboxRowsFinished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage decided {Units} unit(s) of {Returns} return(s) and finished {OutboxRows} outbox row(s).")]
    private static partial void LogRun(ILogger logger, int returns, int units, int outboxRows);
}
