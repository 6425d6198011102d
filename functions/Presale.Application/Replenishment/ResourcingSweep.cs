using Microsoft.Extensions.Logging;
using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Orders;
using Presale.Application.Purchasing;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Alerts;
using Presale.Domain.Common;
using Presale.Domain.Replenishment;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Replenishment;

/// <summary>
/// Risk and re-sourcing (the <c>AssessLateLots</c> timer; <see cref="AssessLotAsync"/>
/// can also run right after an ETA update). For each open lot with outstanding units — found per registered supplier
/// through the lot ETA index, one range of its partition of the lots table — the orders waiting on it are read from
/// its SKUs' reservation rows (the supply each unit is pegged to and its promise); when the lot's ETA plus handling
/// days misses more than <see cref="PurchasingOptions.ResourcingToleranceDays"/> of at least
/// <see cref="PurchasingOptions.ResourcingMinimumOrders"/> promises and another supplier of the SKU could deliver
/// sooner at its real lead time (<see cref="ResourcingAdvisor"/>), a re-sourcing alert names the option and the orders
/// it would save. The alert is raised once per lot and SKU and cleared when the risk or the option is gone (open
/// alerts are re-assessed on every run).
/// </summary>
public sealed partial class ResourcingSweep(
    ITableStore store,
    OrdersOptions orders,
    SuppliersOptions suppliers,
    PurchasingOptions options,
    ShopSettingsStore shops,
    SkuDemandReader demand,
    SupplierOffers offers,
    AlertStore alerts,
    TimeProvider timeProvider,
    ILogger<ResourcingSweep> logger)
{
    /// <summary>The most saved orders an alert's details list (the count is always given).</summary>
    public const int MaxListedOrders = 50;

    /// <summary>Assesses every open lot and every open re-sourcing alert; returns the alerts raised and cleared, and the lots that failed.</summary>
    public async Task<(int Raised, int Cleared, int Failed)> RunAsync(CancellationToken cancellationToken)
    {
        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return (0, 0, 0);
        }

        await store.CreateTableIfNotExistsAsync(orders.LotsTable, cancellationToken).ConfigureAwait(false);
        await store.CreateTableIfNotExistsAsync(suppliers.SuppliersTable, cancellationToken).ConfigureAwait(false);
        int raised = 0, cleared = 0, failed = 0;
        var seen = new HashSet<(string, string)>();
        async Task VisitAsync(string supplierId, string lotId)
        {
            if (!seen.Add((supplierId, lotId)))
            {
                return;
            }

            try
            {
                var (r, c) = await AssessAsync(supplierId, lotId, shop, cancellationToken).ConfigureAwait(false);
                raised += r;
                cleared += c;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failed++;
                LogLotFailed(logger, error, supplierId, lotId);
            }
        }

        foreach (var supplierId in await RegisteredSuppliers.ListAsync(store, suppliers, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in store.QueryAllAsync(orders.LotsTable, TableFilter.RowPrefix(supplierId, LotEtaIndex.Prefix), options.SweepPageSize, cancellationToken).ConfigureAwait(false))
            {
                await VisitAsync(supplierId, LotEtaIndex.Read(row).LotId).ConfigureAwait(false);
            }
        }

        await foreach (var alert in alerts.AllOpenAsync(AlertKey.ResourcingPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (alert.Details?["supplierId"]?.GetValue<string>() is { } supplierId && alert.Details["lotId"]?.GetValue<string>() is { } lotId)
            {
                await VisitAsync(supplierId, lotId).ConfigureAwait(false);
            }
        }

        return (raised, cleared, failed);
    }

    /// <summary>Assesses one lot now: raises or clears its re-sourcing alerts (one per SKU).</summary>
    public async Task<(int Raised, int Cleared)> AssessLotAsync(string supplierId, string lotId, CancellationToken cancellationToken) =>
        await shops.GetAsync(cancellationToken).ConfigureAwait(false) is { } shop
            ? await AssessAsync(supplierId, lotId, shop, cancellationToken).ConfigureAwait(false)
            : (0, 0);

    private async Task<(int Raised, int Cleared)> AssessAsync(string supplierId, string lotId, ShopSettings shop, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = shop.LocalDate(now);
        var row = await store.GetAsync(orders.LotsTable, supplierId, lotId, cancellationToken).ConfigureAwait(false);
        var lot = row?.GetString("PurchaseOrderReference") is not null ? LotRows.Read(row!) : null;
        int raised = 0, cleared = 0;
        foreach (var line in lot?.Lines ?? [])
        {
            var key = AlertKey.Resourcing(supplierId, lotId, line.Sku);
            var advice = lot!.Status == LotRows.Open && line.Received + line.Cancelled < line.Quantity && Sku.TryParse(line.Sku, out var sku, out _)
                ? await AdviseAsync(supplierId, lot.LotId, lot.Eta, sku, shop, today, cancellationToken).ConfigureAwait(false)
                : null;
            if (advice is null)
            {
                cleared += await alerts.ClearAsync(key, "no promise at risk beyond the threshold, or no other supplier could deliver sooner", now, cancellationToken).ConfigureAwait(false) == AlertChange.Cleared ? 1 : 0;
                continue;
            }

            var change = await alerts.RaiseAsync(
                new AlertRaise(
                    key,
                    AlertKind.Resourcing,
                    $"suppliers/{supplierId}/lots/{lotId}",
                    advice.Explanation,
                    new
                    {
                        supplierId,
                        lotId,
                        sku = advice.Sku,
                        lotEta = advice.LotEta,
                        ordersAtRisk = advice.AtRisk.Count,
                        ordersSaved = advice.Best.SavedOrders.Count,
                        option = new { advice.Best.SupplierId, advice.Best.LeadTimeDays, advice.Best.Arrival, advice.Best.Quantity, advice.Best.UnitCost },
                        savedOrders = advice.Best.SavedOrders.Take(MaxListedOrders).Select(o => new { o.OrderId, o.LineNumber, o.Units, o.PromisedOn }),
                    },
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [IntegrationEventProperties.SupplierId] = supplierId,
                        [IntegrationEventProperties.LotId] = lotId,
                        [IntegrationEventProperties.Sku] = advice.Sku,
                    }),
                now,
                cancellationToken).ConfigureAwait(false);
            raised += change == AlertChange.Raised ? 1 : 0;
        }

        if (lot is null)
        {
            // The lot is gone: clear whatever alert names it (its keys share the lot's prefix: one range read).
            var keys = new List<string>();
            await foreach (var alert in alerts.AllOpenAsync(AlertKey.ResourcingLotPrefix(supplierId, lotId), cancellationToken).ConfigureAwait(false))
            {
                keys.Add(alert.Key);
            }

            foreach (var key in keys)
            {
                cleared += await alerts.ClearAsync(key, "lot gone", now, cancellationToken).ConfigureAwait(false) == AlertChange.Cleared ? 1 : 0;
            }
        }

        return (raised, cleared);
    }

    private async Task<ResourcingAdvice?> AdviseAsync(string supplierId, string lotId, DateOnly eta, Sku sku, ShopSettings shop, DateOnly today, CancellationToken cancellationToken)
    {
        if (await demand.ReadAsync(sku, shop, cancellationToken).ConfigureAwait(false) is not { } snapshot)
        {
            return null;
        }

        var source = SupplySource.Lot(supplierId, lotId).Key;
        var waiting = snapshot.Reservations
            .Select(r => (Reservation: r, Units: r.Parts.Where(p => p.Source.Key == source).Sum(p => p.Quantity)))
            .Where(x => x.Units > 0)
            .Select(x => new AtRiskOrder(x.Reservation.OrderId, x.Reservation.LineNumber, x.Units, x.Reservation.Promise.PromisedOn))
            .ToList();
        if (waiting.Count == 0)
        {
            return null;
        }

        return ResourcingAdvisor.Assess(
            supplierId, lotId, sku, eta, snapshot.HandlingDays, today, waiting,
            await offers.OfAsync(sku, cancellationToken).ConfigureAwait(false),
            options.ResourcingToleranceDays, options.ResourcingMinimumOrders);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-sourcing assessment of lot {SupplierId}/{LotId} failed; the next run retries.")]
    private static partial void LogLotFailed(ILogger logger, Exception error, string supplierId, string lotId);
}
