namespace Presale.Application.Compensation;

/// <summary>What one run of <see cref="CompensationSweep"/> did.</summary>
/// <param name="OrdersVisited">Index rows due up to today that were processed.</param>
/// <param name="AwardsIssued">Coupons or credits this run inserted (an award another run issued first is not counted).</param>
/// <param name="NotificationsPublished">Compensation notices handed to the broker.</param>
/// <param name="Reindexed">Orders moved to the date their next tier falls due.</param>
/// <param name="Dropped">Index rows removed because the order is settled (cancelled, ready, not confirmed, every tier paid).</param>
/// <param name="Failed">Due orders whose processing threw; each was logged with its id, stays due and is retried by the next run.</param>
/// <param name="FailedOrderIds">The first <see cref="BoundedSweep.FailedIdsReported"/> of them.</param>
/// <param name="OutOfTime">True when the run stopped at its time budget with orders still due; the next run resumes.</param>
public sealed record CompensationSweepResult(
    int OrdersVisited,
    int AwardsIssued,
    int NotificationsPublished,
    int Reindexed,
    int Dropped,
    int Failed,
    IReadOnlyList<string> FailedOrderIds,
    bool OutOfTime)
{
    /// <summary>A run that found nothing to do.</summary>
    public static CompensationSweepResult Empty { get; } = new(0, 0, 0, 0, 0, 0, [], false);
}
