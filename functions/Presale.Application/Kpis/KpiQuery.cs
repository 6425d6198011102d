using Presale.Application.Suppliers;

namespace Presale.Application.Kpis;

/// <summary>
/// The KPI API's reads: the status row and a range of day rows (a handful of rows, never the orders), through
/// <see cref="KpiPeriod"/>. Dates are shop-local; "today" is the last snapshot's.
/// </summary>
public sealed class KpiQuery(KpiSnapshotStore snapshots, KpiOptions options)
{
    /// <summary>The shop's KPIs over the period (<c>from</c>/<c>to</c> as the request gave them, or null).</summary>
    public async Task<KpiResult<ShopKpisView>> ShopAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        if (await snapshots.GetStatusAsync(cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return new KpiResult<ShopKpisView>.NotComputed();
        }

        var (range, errors) = KpiRange.Parse(from, to, status.Today, options);
        if (range is null)
        {
            return new KpiResult<ShopKpisView>.Invalid(errors!);
        }

        var days = await snapshots.ShopDaysAsync(range.From, range.To, cancellationToken).ConfigureAwait(false);
        return new KpiResult<ShopKpisView>.Found(KpiPeriod.Shop(days, range, status, options));
    }

    /// <summary>A SKU's KPIs over the period.</summary>
    public async Task<KpiResult<SkuKpisView>> SkuAsync(string sku, string? from, string? to, CancellationToken cancellationToken)
    {
        if (await snapshots.GetStatusAsync(cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return new KpiResult<SkuKpisView>.NotComputed();
        }

        var (range, errors) = KpiRange.Parse(from, to, status.Today, options);
        if (range is null)
        {
            return new KpiResult<SkuKpisView>.Invalid(errors!);
        }

        var days = await snapshots.SkuDaysAsync(sku, range.To, cancellationToken).ConfigureAwait(false);
        return days.Count == 0
            ? new KpiResult<SkuKpisView>.NotFound()
            : new KpiResult<SkuKpisView>.Found(KpiPeriod.Sku(sku, days, range, status.ComputedAt));
    }

    /// <summary>A supplier's OTIF and scorecard as of the last snapshot.</summary>
    public async Task<KpiResult<SupplierScorecardView>> SupplierAsync(string supplierId, CancellationToken cancellationToken)
    {
        if (await snapshots.GetStatusAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return new KpiResult<SupplierScorecardView>.NotComputed();
        }

        return await snapshots.GetSupplierAsync(supplierId, cancellationToken).ConfigureAwait(false) is { } card
            ? new KpiResult<SupplierScorecardView>.Found(card)
            : new KpiResult<SupplierScorecardView>.NotFound();
    }

    /// <summary>A customer's orders, RFM segment and lifetime value as of the last snapshot.</summary>
    public async Task<KpiResult<CustomerKpis>> CustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        if (await snapshots.GetStatusAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return new KpiResult<CustomerKpis>.NotComputed();
        }

        return await snapshots.GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false) is { } customer
            ? new KpiResult<CustomerKpis>.Found(customer)
            : new KpiResult<CustomerKpis>.NotFound();
    }
}
