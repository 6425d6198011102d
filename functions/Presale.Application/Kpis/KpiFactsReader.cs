using Presale.Application.Common;
using Presale.Application.Credits;
using Presale.Application.Orders;
using Presale.Application.Purchasing;
using Presale.Application.Returns;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Returns;

namespace Presale.Application.Kpis;

/// <summary>
/// Reads what a KPI snapshot is computed from, through the other features' own rows and stores: the orders of the 32
/// order partitions and the returns of the 8 return partitions (one range query each, paged), each customer's
/// credits, each configured SKU's supply partition, and each supplier's scorecard. This is the one reader that visits
/// every order: it runs in the snapshot timer only, never on a request, so the console and the KPI API read the
/// snapshot's few rows instead.
/// </summary>
/// <remarks>
/// <para><b>Unit cost.</b> Presale records no cost per unit sold. The cost of goods sold and the inventory value use the
/// mean of the unit costs the supplier catalogues (supplier terms) agree for the SKU today; a SKU no catalogue offers is
/// "unpriced": left out of both, and listed on the snapshot so the gap is visible.</para>
/// </remarks>
public sealed class KpiFactsReader(
    ITableStore store,
    OrdersOptions ordersOptions,
    ReturnsOptions returnsOptions,
    SuppliersOptions suppliersOptions,
    ShopSettingsStore shops,
    SupplyStore supply,
    CreditStore credits,
    SupplierTermsStore terms,
    SupplierScorecardQuery scorecards)
{
    private const int PageSize = 1000;
    private readonly TableBootstrap _tables = new(store, [ordersOptions.OrdersTable, ordersOptions.SupplyTable, returnsOptions.ReturnsTable, suppliersOptions.SuppliersTable]);

    /// <summary>Reads the facts; null while the shop is not configured (no order can exist before).</summary>
    public async Task<KpiFacts?> ReadAsync(CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return null;
        }

        // A shop may have no return (or supplier) yet: its table is then created here, as each feature does on first use.
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var orders = await ReadOrdersAsync(cancellationToken).ConfigureAwait(false);
        var returns = await ReadReturnsAsync(cancellationToken).ConfigureAwait(false);
        var issued = new List<CreditRecord>();
        foreach (var customerId in orders.Select(o => o.CustomerId).Distinct(StringComparer.Ordinal))
        {
            await foreach (var credit in credits.AllOfAsync(customerId, cancellationToken).ConfigureAwait(false))
            {
                issued.Add(credit);
            }
        }

        var skus = await ReadSkusAsync(cancellationToken).ConfigureAwait(false);
        var cards = new List<SupplierScorecardView>();
        foreach (var supplierId in await RegisteredSuppliers.ListAsync(store, suppliersOptions, cancellationToken).ConfigureAwait(false))
        {
            if (await scorecards.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is { } card)
            {
                cards.Add(card);
            }
        }

        return new KpiFacts(shop, orders, returns, issued, skus, cards);
    }

    private async Task<IReadOnlyList<Order>> ReadOrdersAsync(CancellationToken cancellationToken)
    {
        var orders = new List<Order>();
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in store.QueryAllAsync(ordersOptions.OrdersTable, TableFilter.RowPrefix(partition, "order|"), PageSize, cancellationToken).ConfigureAwait(false))
            {
                orders.Add(OrderRows.Read(row).Order);
            }
        }

        return orders;
    }

    private async Task<IReadOnlyList<ReturnRequest>> ReadReturnsAsync(CancellationToken cancellationToken)
    {
        var returns = new List<ReturnRequest>();
        foreach (var partition in ReturnIds.Partitions)
        {
            await foreach (var row in store.QueryAllAsync(returnsOptions.ReturnsTable, TableFilter.RowPrefix(partition, ReturnRows.Return(string.Empty)), PageSize, cancellationToken).ConfigureAwait(false))
            {
                returns.Add(ReturnRows.Read(row).Request);
            }
        }

        return returns;
    }

    private async Task<IReadOnlyList<SkuStock>> ReadSkusAsync(CancellationToken cancellationToken)
    {
        // The configured SKUs: one settings row per SKU partition (a filter on the row key, as the supplier registry is listed).
        var ids = new List<string>();
        await foreach (var row in store.QueryAllAsync(ordersOptions.SupplyTable, TableFilter.Eq("RowKey", SupplyRows.Settings), PageSize, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.PartitionKey);
        }

        var skus = new List<SkuStock>();
        foreach (var id in ids)
        {
            var sku = Sku.From(id);
            if (await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                continue;
            }

            var offers = await terms.OffersOfAsync(sku, cancellationToken).ConfigureAwait(false);
            var costs = offers.SelectMany(o => o.Terms.Catalogue).Where(i => i.Sku == sku).Select(i => i.UnitCost.Amount).ToList();
            var ledger = state.Ledger;
            skus.Add(new SkuStock(id, ledger.OnHand, ledger.Lots.Sum(l => l.Quantity), ledger.Cap, state.Reserved, costs.Count == 0 ? null : decimal.Round(costs.Average(), 6)));
        }

        return skus;
    }
}
