using Microsoft.Extensions.Logging;
using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Purchasing;
using Presale.Application.Shop;
using Presale.Domain.Alerts;

namespace Presale.Application.Replenishment;

/// <summary>
/// Inventory alerts (the <c>AssessInventory</c> timer). Every SKU some supplier offers (the terms' SKU index, a page
/// at a time) and every SKU with an open inventory alert is assessed by <see cref="ReplenishmentQuery"/> — the same
/// figures the SKU page and <c>GET /api/skus/{sku}/replenishment</c> show — and holds at most one of two alerts, each
/// saying "order N units from supplier S by date D to keep promises" (the suggestion's words):
/// <list type="bullet">
/// <item><see cref="AlertKind.PreSoldBeyondSupply"/> while pre-sold units have no confirmed supply behind them
/// (taken from the cap, or left short by a lot) and the suggestion orders more;</item>
/// <item>otherwise <see cref="AlertKind.BelowSafetyStock"/> while there is a suggestion at all: projected availability
/// (on hand + inbound − reserved − demand over the chosen supplier's lead time) is below its safety stock
/// (z × demand deviation × √lead time).</item>
/// </list>
/// An alert is keyed by SKU (<see cref="AlertKey"/>), so it is raised once, keeps the figures of when it was raised,
/// and is cleared on the first run that finds its condition gone: a purchase order acknowledged (its lot is inbound),
/// a lot received, orders cancelled, or the SKU no longer offered.
/// </summary>
public sealed partial class InventoryAlertSweep(
    SupplierTermsStore terms,
    ReplenishmentQuery assessments,
    ShopSettingsStore shops,
    AlertStore alerts,
    PurchasingOptions options,
    TimeProvider timeProvider,
    ILogger<InventoryAlertSweep> logger)
{
    private const int Parallelism = 8;

    /// <summary>Assesses every offered SKU and every SKU with an open inventory alert; returns the alerts raised and cleared, and the SKUs that failed.</summary>
    public async Task<(int Raised, int Cleared, int Failed)> RunAsync(CancellationToken cancellationToken)
    {
        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return (0, 0, 0);
        }

        int raised = 0, cleared = 0, failed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        async Task AssessAllAsync(IEnumerable<string> skus)
        {
            await Parallel.ForEachAsync(
                skus.Where(seen.Add).ToList(),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (sku, token) =>
                {
                    try
                    {
                        var (r, c) = await AssessAsync(sku, token).ConfigureAwait(false);
                        Interlocked.Add(ref raised, r);
                        Interlocked.Add(ref cleared, c);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        LogSkuFailed(logger, error, sku);
                    }
                }).ConfigureAwait(false);
        }

        string? after = null;
        while (true)
        {
            var page = await terms.OfferedSkusAsync(after, options.SweepPageSize, cancellationToken).ConfigureAwait(false);
            await AssessAllAsync(page.Select(sku => sku.Value)).ConfigureAwait(false);
            if (page.Count < options.SweepPageSize)
            {
                break;
            }

            after = page[^1].Value;
        }

        var alerted = new List<string>();
        foreach (var prefix in (string[])[AlertKey.BelowSafetyStockPrefix, AlertKey.PreSoldBeyondSupplyPrefix])
        {
            await foreach (var alert in alerts.AllOpenAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                alerted.Add(alert.Key[prefix.Length..]);
            }
        }

        await AssessAllAsync(alerted).ConfigureAwait(false);
        return (raised, cleared, failed);
    }

    /// <summary>Assesses <paramref name="sku"/> now: raises the inventory alert its figures call for and clears the other (or both).</summary>
    public async Task<(int Raised, int Cleared)> AssessAsync(string sku, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var view = await assessments.AssessAsync(sku, cancellationToken).ConfigureAwait(false) is ReplenishmentResult.Assessed assessed ? assessed.View : null;
        var kind = view?.Suggestion is null ? (AlertKind?)null : view.Uncovered > 0 ? AlertKind.PreSoldBeyondSupply : AlertKind.BelowSafetyStock;
        int raised = 0, cleared = 0;
        foreach (var candidate in (AlertKind[])[AlertKind.PreSoldBeyondSupply, AlertKind.BelowSafetyStock])
        {
            var key = candidate == AlertKind.PreSoldBeyondSupply ? AlertKey.PreSoldBeyondSupply(sku) : AlertKey.BelowSafetyStock(sku);
            if (candidate != kind)
            {
                var resolution = Resolution(candidate, view);
                cleared += await alerts.ClearAsync(key, resolution, now, cancellationToken).ConfigureAwait(false) == AlertChange.Cleared ? 1 : 0;
                continue;
            }

            var suggestion = view!.Suggestion!;
            var chosen = suggestion.Chosen;
            var change = await alerts.RaiseAsync(
                new AlertRaise(
                    key,
                    candidate,
                    $"skus/{view.Sku}/replenishment",
                    suggestion.Explanation,
                    new
                    {
                        sku = view.Sku,
                        supplierId = chosen.SupplierId,
                        quantity = chosen.Quantity,
                        orderBy = chosen.OrderBy,
                        needBy = suggestion.NeedBy,
                        arrival = chosen.Arrival,
                        keepsPromises = chosen.KeepsPromises,
                        leadTimeDays = chosen.LeadTimeDays,
                        safetyStock = chosen.SafetyStock,
                        onHand = view.OnHand,
                        inbound = view.Inbound,
                        reserved = view.Reserved,
                        uncovered = view.Uncovered,
                        earliestUncoveredPromise = view.EarliestUncoveredPromise,
                        demandPerDay = view.DemandPerDay,
                        suggestionId = suggestion.SuggestionId,
                    },
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [IntegrationEventProperties.Sku] = view.Sku,
                        [IntegrationEventProperties.SupplierId] = chosen.SupplierId,
                    }),
                now,
                cancellationToken).ConfigureAwait(false);
            raised += change == AlertChange.Raised ? 1 : 0;
        }

        return (raised, cleared);
    }

    private static string Resolution(AlertKind kind, ReplenishmentView? view) => (kind, view) switch
    {
        (_, null) => "the SKU is no longer configured",
        (_, { Suggestion: null }) => "projected availability is back at or above safety stock: nothing needs ordering",
        (AlertKind.PreSoldBeyondSupply, _) => "every pre-sold unit has confirmed supply; projected availability is still below safety stock",
        _ => "pre-sold units are now without confirmed supply: raised as pre-sold beyond supply",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Inventory alert assessment of SKU {Sku} failed; the next run retries.")]
    private static partial void LogSkuFailed(ILogger logger, Exception error, string sku);
}
