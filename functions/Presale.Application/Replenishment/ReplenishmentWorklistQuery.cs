using Presale.Application.Alerts;
using Presale.Application.Purchasing;
using Presale.Application.Shop;
using Presale.Domain.Alerts;

namespace Presale.Application.Replenishment;

/// <summary>
/// The operator's replenishment work list (<c>GET /api/replenishment/suggestions</c>): every SKU that has a suggestion
/// (<see cref="ReplenishmentQuery"/>) or an open re-sourcing alert, in SKU order, a page at a time. The candidates are
/// the SKUs some supplier's catalogue offers (the SKU index of the terms, one range query a page): a SKU no supplier
/// offers has neither a suggestion nor another source. A page assesses up to its limit of candidates, so it can hold
/// fewer items than the limit while the continuation token says more candidates follow.
/// </summary>
public sealed class ReplenishmentWorklistQuery(SupplierTermsStore terms, ReplenishmentQuery assessments, AlertStore alerts, ShopSettingsStore shops)
{
    /// <summary>The most candidate SKUs one page assesses.</summary>
    public const int MaxLimit = 100;

    /// <summary>Candidates per page when the caller names no limit.</summary>
    public const int DefaultLimit = 25;

    private const int Parallelism = 8;

    /// <summary>The page of up to <paramref name="limit"/> candidate SKUs after <paramref name="after"/> (a SKU: the previous page's continuation token).</summary>
    public async Task<ReplenishmentWorklistResult> ListAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return new ReplenishmentWorklistResult.ShopNotConfigured();
        }

        var candidates = await terms.OfferedSkusAsync(after, limit, cancellationToken).ConfigureAwait(false);
        var alertsBySku = new Dictionary<string, List<AlertView>>(StringComparer.Ordinal);
        await foreach (var alert in alerts.AllOpenAsync(AlertKey.ResourcingPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (alert.Details?["sku"]?.GetValue<string>() is { } sku)
            {
                (alertsBySku.TryGetValue(sku, out var list) ? list : alertsBySku[sku] = []).Add(alert);
            }
        }

        var views = new ReplenishmentView?[candidates.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, candidates.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => views[i] = await assessments.AssessAsync(candidates[i].Value, token).ConfigureAwait(false) is ReplenishmentResult.Assessed assessed ? assessed.View : null).ConfigureAwait(false);
        var items = views
            .Where(view => view is not null && (view.Suggestion is not null || alertsBySku.ContainsKey(view.Sku)))
            .Select(view => new ReplenishmentWorkItem(view!.Sku, view, alertsBySku.TryGetValue(view.Sku, out var open) ? open : []))
            .ToList();
        return new ReplenishmentWorklistResult.Listed(new ReplenishmentWorklistPage(items, candidates.Count == limit ? candidates[^1].Value : null));
    }
}
