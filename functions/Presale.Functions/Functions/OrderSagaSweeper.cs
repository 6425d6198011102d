using Presale.Application.Orders;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>
/// Timer function: finishes placements that stayed pending past their timeout (abandons them and releases what they
/// reserved) and cancellations whose release did not finish.
/// </summary>
public sealed partial class OrderSagaSweeper(OrderSagaSweep sweep, ILogger<OrderSagaSweeper> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(OrderSagaSweeper);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var finished = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, finished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order saga sweep finished {Count} sagas.")]
    private static partial void LogSwept(ILogger logger, int count);
}
