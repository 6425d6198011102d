using Presale.Application.Suppliers;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>
/// Timer function (hourly): lots whose ETA passed without full receipt or word from the supplier get a system-estimated
/// ETA and their SKUs a reconcile message, so the customers waiting on them hear of the delay before their promise
/// passes (<see cref="OverdueLotSweep"/>).
/// </summary>
public sealed partial class OverdueLotSweeper(OverdueLotSweep sweep, ILogger<OverdueLotSweeper> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(OverdueLotSweeper);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var revised = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, revised);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue-lot sweep revised {Count} lots.")]
    private static partial void LogSwept(ILogger logger, int count);
}
