using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Timer function: finishes placements that stayed pending past their timeout (abandons them and releases what they
/// reserved) and cancellations whose release did not finish.
/// </summary>
public sealed partial class OrderSagaSweeper(OrderSagaSweep sweep, ILogger<OrderSagaSweeper> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>OrderSagaSweeperSchedule</c>.</summary>
    [Function(nameof(OrderSagaSweeper))]
    public async Task RunAsync([TimerTrigger("%OrderSagaSweeperSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var finished = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, finished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order saga sweep finished {Count} sagas.")]
    private static partial void LogSwept(ILogger logger, int count);
}
