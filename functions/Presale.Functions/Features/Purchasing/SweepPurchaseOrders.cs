using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Purchasing;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Timer function: raises the alert of purchase orders not acknowledged by their deadline, finishes the lot updates of
/// acknowledgements whose request did not, and publishes the purchasing and alert events their requests left behind.
/// An item that fails does not hold up the others; the invocation then fails at the end and the next run retries it.
/// </summary>
public sealed partial class SweepPurchaseOrders(PurchaseOrderSweep sweep, ILogger<SweepPurchaseOrders> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>SweepPurchaseOrdersSchedule</c>.</summary>
    [Function(nameof(SweepPurchaseOrders))]
    public async Task RunAsync([TimerTrigger("%SweepPurchaseOrdersSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, result.Alerted, result.Resolved, result.FollowedUp, result.EventsPublished, result.Failed);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failed} purchase-order sweep item(s) failed (logged with their rows) and stay for the next run; the others were swept."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SweepPurchaseOrders: {Alerted} alerts raised, {Resolved} answered orders resolved, {FollowedUp} follow-ups finished, {Published} events published, {Failed} failed.")]
    private static partial void LogSwept(ILogger logger, int alerted, int resolved, int followedUp, int published, int failed);
}
