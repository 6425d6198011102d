using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Replenishment;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Timer function: inventory alerts. Assesses every SKU a supplier offers and every SKU with an open inventory alert;
/// raises "order N units from supplier S by date D" when projected availability is below safety stock or pre-sold
/// units have no confirmed supply, and clears the alerts whose condition is gone. A SKU that fails does not hold up the
/// others; the invocation then fails at the end.
/// </summary>
public sealed partial class AssessInventory(InventoryAlertSweep sweep, ILogger<AssessInventory> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>AssessInventorySchedule</c>.</summary>
    [Function(nameof(AssessInventory))]
    public async Task RunAsync([TimerTrigger("%AssessInventorySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var (raised, cleared, failed) = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, raised, cleared, failed);
        if (failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Assessing {failed} SKU(s) failed (logged with their codes); the next run retries them. {raised} alert(s) raised, {cleared} cleared."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AssessInventory: {Raised} inventory alerts raised, {Cleared} cleared, {Failed} SKUs failed.")]
    private static partial void LogSwept(ILogger logger, int raised, int cleared, int failed);
}
