using Presale.Application.Storage;

namespace Presale.Application.Reconciliation;

/// <summary>A SKU's plan fence as read (see <see cref="ReconciliationStore.GetFenceAsync"/> and docs/reconciliation.md, "Demand index").</summary>
/// <param name="Version">The latest plan number; 0 before the first.</param>
/// <param name="PlannedAt">When that plan was taken.</param>
/// <param name="Finished">Whether the run of that plan wrote all it had to, every reservation row it read brought up to date.</param>
/// <param name="Clean">Whether that run started after every run of an earlier plan had stopped writing.</param>
/// <param name="WritersUntil">Until when runs of earlier plans could still have been writing, as that run saw it; null for never.</param>
/// <param name="ETag">The fence row's version; default when absent.</param>
public sealed record PlanFence(long Version, DateTimeOffset PlannedAt, bool Finished, bool Clean, DateTimeOffset? WritersUntil, ETag ETag)
{
    /// <summary>
    /// Whether the latest plan is complete: every reservation row mirrors its order line, so a run may plan from the
    /// rows' copies and read only the orders whose plan changed.
    /// </summary>
    public bool Completed => Finished && Clean;
}
