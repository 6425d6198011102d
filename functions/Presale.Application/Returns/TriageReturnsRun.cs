using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>
/// The triage timer's use case. First it finishes outbox rows left behind (restocks, claims, notifications); then it
/// reads the "awaiting triage" index range of each return partition in pages (no scan) and decides every received,
/// undecided unit with the configured rules — first matching rule by priority, no match → manual review — recording
/// the rule that fired. Each return is written with the ETag it was read with: when two runs race, one wins and the
/// other re-reads a return with nothing left to decide, so each unit is decided once. Each outbox row and each return
/// is on its own: one that keeps failing is logged with its ids and counted in the summary, and the run goes on, so a
/// single bad row never stops the others from being triaged.
/// </summary>
public sealed partial class TriageReturnsRun(
    ReturnRepository returns,
    ReturnSettlement settlement,
    ReturnEffectProcessor effects,
    ShopSettingsStore shops,
    ReturnsOptions options,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<TriageReturnsRun> logger)
{
    private readonly TriageRuleSet _rules = options.TriageRules().RuleSet
        ?? throw new InvalidOperationException("The triage rules are invalid; they are validated at start.");

    /// <summary>Runs once; failures of single rows or returns are in the summary, not thrown.</summary>
    public async Task<TriageRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var swept = await effects.SweepAsync(cancellationToken).ConfigureAwait(false);
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            // No shop, no returns: intake needs the shop's settings.
            return new TriageRunSummary(0, 0, swept.Finished, swept.Failed, 0);
        }

        var (visited, triaged, units, failed) = (0, 0, 0, 0);
        foreach (var partition in ReturnIds.Partitions)
        {
            string? after = null;
            while (visited < options.MaxReturnsPerRun)
            {
                var page = await returns.IndexPageAsync(partition, ReturnRows.TriagePrefix, after, options.TriagePageSize, cancellationToken).ConfigureAwait(false);
                foreach (var row in page.TakeWhile(_ => visited < options.MaxReturnsPerRun))
                {
                    visited++;
                    var returnId = row.GetString("ReturnId") ?? row.RowKey;
                    try
                    {
                        var decided = await TriageAsync(returnId, shop, cancellationToken).ConfigureAwait(false);
                        triaged += decided > 0 ? 1 : 0;
                        units += decided;
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        failed++;
                        LogTriageFailed(logger, error, returnId, partition);
                    }
                }

                if (page.Count < options.TriagePageSize)
                {
                    break;
                }

                after = page[^1].RowKey;
            }
        }

        return new TriageRunSummary(triaged, units, swept.Finished, swept.Failed, failed);
    }

    private async Task<int> TriageAsync(string returnId, Domain.Shop.ShopSettings shop, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            if (await returns.GetAsync(returnId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return 0;
            }

            var request = stored.Request;
            var before = ReturnBaseline.Of(request);
            var hadRefund = request.Refund is not null;
            var now = timeProvider.GetUtcNow();
            var earlier = await returns.CustomerReturnDaysAsync(request.CustomerId, request.Id, cancellationToken).ConfigureAwait(false);
            var applied = request.Triage(_rules, earlier, shop.LocalDate(now), now);
            if (applied.Count == 0 && stored.InTriageIndex == request.UnitsAwaitingTriage.Any())
            {
                return 0;
            }

            var pending = await settlement.SettleAsync(request, before, now, cancellationToken).ConfigureAwait(false);
            if (await returns.TryCommitAsync(stored, hadRefund, pending, cancellationToken).ConfigureAwait(false))
            {
                await effects.TryRunAsync(stored.Partition, pending, cancellationToken).ConfigureAwait(false);
                return applied.Count;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Triage of return {ReturnId} in partition {Partition} failed; it stays in the triage index for the next run.")]
    private static partial void LogTriageFailed(ILogger logger, Exception error, string returnId, string partition);
}
