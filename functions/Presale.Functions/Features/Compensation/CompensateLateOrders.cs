using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Compensation;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// Timer function: issues the compensation tiers that fell due for late orders, at most once per order and tier. The
/// sweep carries on past an order that fails; the invocation then fails at the end, naming the orders, so the host
/// records it (those orders stay due and the next run retries them).
/// </summary>
public sealed partial class CompensateLateOrders(CompensationSweep sweep, ILogger<CompensateLateOrders> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>CompensateLateOrdersSchedule</c>.</summary>
    [Function(nameof(CompensateLateOrders))]
    public async Task RunAsync([TimerTrigger("%CompensateLateOrdersSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, result.OrdersVisited, result.AwardsIssued, result.NotificationsPublished, result.Failed, result.OutOfTime);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failed} of {result.OrdersVisited} due orders failed and stay due (first: {string.Join(", ", result.FailedOrderIds)}); the other orders were swept."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CompensateLateOrders: {Visited} due orders, {Issued} awards issued, {Published} notices published, {Failed} failed, out of time: {OutOfTime}.")]
    private static partial void LogSwept(ILogger logger, int visited, int issued, int published, int failed, bool outOfTime);
}
