namespace Presale.Application.Compensation;

/// <summary>What one run of <see cref="CompensationSweep"/> did.</summary>
/// <param name="OrdersVisited">Index rows due up to today that were processed.</param>
/// <param name="AwardsIssued">Coupons or credits this run inserted (an award another run issued first is not counted).</param>
/// <param name="NotificationsPublished">Compensation notices handed to the broker.</param>
/// <param name="Reindexed">Orders moved to the date their next tier falls due.</param>
/// <param name="Dropped">Index rows removed because the order is settled (cancelled, ready, not confirmed, every tier paid).</param>
public sealed record CompensationSweepResult(int OrdersVisited, int AwardsIssued, int NotificationsPublished, int Reindexed, int Dropped);
