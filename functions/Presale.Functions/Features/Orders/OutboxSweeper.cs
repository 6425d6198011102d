using Microsoft.Azure.Functions.Worker;
using Presale.Application.Outbox;

namespace Presale.Functions.Features.Orders;

/// <summary>Timer function: publishes outbox messages that were written with their state change but never published.</summary>
public sealed partial class OutboxSweeper(OutboxSweep sweep, ILogger<OutboxSweeper> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>OutboxSweeperSchedule</c>.</summary>
    [Function(nameof(OutboxSweeper))]
    public async Task RunAsync([TimerTrigger("%OutboxSweeperSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var published = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox sweep published {Count} messages.")]
    private static partial void LogSwept(ILogger logger, int count);
}
