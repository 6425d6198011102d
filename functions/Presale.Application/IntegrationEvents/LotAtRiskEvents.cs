using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// Decides, when a supplier's ETA update moves a lot's date later, whether that puts customer dates at risk, and builds
/// the <c>supplier.lot-at-risk</c> event. The demand on the lot is what the latest reconciliation pegged to it (the
/// supplier demand view's rows, <c>demand|{lotId}|{sku}</c>, next to the lot in the supplier's partition): per SKU the
/// orders and units waiting on the lot and the earliest date promised to one of them. A SKU is at risk when the new ETA
/// plus its handling days (the same estimate the planner makes) falls after that earliest date; the earliest date is the
/// one that slips most, so its slip is the SKU's worst. Runs before the ETA update's transaction so the event joins it
/// (the supplier outbox); when integration events are off, or the date did not move later, it reads nothing.
/// </summary>
public sealed class LotAtRiskEvents(ITableStore store, OrdersOptions orders, ShopSettingsStore shops, IntegrationEventsOptions options)
{
    /// <summary>
    /// The event for lot <paramref name="before"/> becoming <paramref name="after"/> through supplier event
    /// <paramref name="supplierEventId"/> at <paramref name="at"/>; null when no customer date is at risk.
    /// </summary>
    public async Task<IntegrationEvent?> AssessAsync(LotView before, LotView after, string supplierEventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!options.Enabled || after.Eta <= before.Eta)
        {
            return null;
        }

        var waiting = new List<(string Sku, int Orders, long Units, DateOnly Earliest)>();
        await foreach (var row in store.QueryAllAsync(orders.LotsTable, TableFilter.RowPrefix(after.SupplierId, LotDemandRows.Prefix + after.LotId + "|"), 1000, cancellationToken).ConfigureAwait(false))
        {
            if ((row.GetInt32("OrderCount") ?? 0) > 0 && LotDemandRows.EarliestPromise(row) is { } earliest && row.GetString("Sku") is { Length: > 0 } sku)
            {
                waiting.Add((sku, row.GetInt32("OrderCount")!.Value, row.GetInt64("PeggedUnits") ?? 0, earliest));
            }
        }

        if (waiting.Count == 0)
        {
            return null;
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The shop is not configured (PUT /api/shop): its handling days are needed.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId);
        var atRisk = new List<LotAtRiskSkuData>();
        foreach (var (sku, count, units, earliest) in waiting.OrderBy(w => w.Sku, StringComparer.Ordinal))
        {
            var settings = await store.GetAsync(orders.SupplyTable, sku, SupplyRows.Settings, cancellationToken).ConfigureAwait(false);
            var handlingDays = settings is null ? shop.DefaultHandlingDays : SupplyRows.ReadSettings(Sku.From(sku), settings).EffectiveHandlingDays(shop);
            var ready = new PromiseCalendar(zone, handlingDays).EstimateFor(after.Eta);
            var slip = ready.DayNumber - earliest.DayNumber;
            if (slip > 0)
            {
                atRisk.Add(new LotAtRiskSkuData(sku, count, units, earliest, ready, slip));
            }
        }

        if (atRisk.Count == 0)
        {
            return null;
        }

        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [IntegrationEventProperties.SupplierId] = after.SupplierId,
            [IntegrationEventProperties.LotId] = after.LotId,
        };
        IntegrationEventProperties.AddSkus(properties, atRisk.Select(s => s.Sku));

        return IntegrationEvent.Create(
            IntegrationEventTypes.SupplierLotAtRisk,
            Key(after.SupplierId, after.LotId, supplierEventId),
            at,
            after.LotId,
            new LotAtRiskData(
                after.SupplierId,
                after.LotId,
                after.PurchaseOrderReference,
                supplierEventId,
                before.Eta,
                after.Eta,
                atRisk.Sum(s => s.Orders),
                atRisk.Sum(s => s.Units),
                atRisk.Max(s => s.SlipDays),
                atRisk),
            properties);
    }

    /// <summary><c>lot-at-risk:{supplierId}:{lotId}:{eventId}</c>, ids escaped (<c>%</c> → <c>%25</c>, <c>:</c> → <c>%3A</c>): once per ETA update.</summary>
    public static string Key(string supplierId, string lotId, string supplierEventId) => IntegrationEventKey.Of("lot-at-risk", supplierId, lotId, supplierEventId);
}
