using Microsoft.Azure.Functions.Worker;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Suppliers;

/// <summary>Timer function: publishes reconcile messages that supplier events wrote to their outbox but never published.</summary>
public sealed partial class SupplierOutboxSweeper(SupplierOutboxSweep sweep, ILogger<SupplierOutboxSweeper> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>SupplierOutboxSweeperSchedule</c>.</summary>
    [Function(nameof(SupplierOutboxSweeper))]
    public async Task RunAsync([TimerTrigger("%SupplierOutboxSweeperSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var published = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supplier outbox sweep published {Count} messages.")]
    private static partial void LogSwept(ILogger logger, int count);
}
