using Presale.Application.Orders;
using Presale.Application.Purchasing;
using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Shop;

namespace Presale.Application.Settlement;

/// <summary>
/// Reads what a supplier's statement needs, with point reads and ranges of single partitions only: its active
/// purchase orders (the active index of its purchasing partition), for each accepted line its lot row and receipt rows
/// (the supplier's partition of the lots table), and its return claims of the look-back (the day index of its
/// partition of the claims table), each priced at the cost of the purchase-order line it came in on, else the
/// supplier's catalogue cost.
/// </summary>
public sealed class SettlementFactsReader(ITableStore store, PurchaseOrderStore orders, OrdersOptions ordersOptions, ReturnsOptions returns)
{
    /// <summary>The facts of <paramref name="supplierId"/>'s statement for <paramref name="period"/>, claims from <paramref name="claimsFrom"/>.</summary>
    public async Task<SettlementFacts> ReadAsync(string supplierId, SupplierTerms terms, SettlementPeriod period, DateOnly claimsFrom, ShopSettings shop, CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(ordersOptions.LotsTable, cancellationToken).ConfigureAwait(false);
        await store.CreateTableIfNotExistsAsync(returns.SupplierClaimsTable, cancellationToken).ConfigureAwait(false);
        var active = await orders.ListActiveAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var lines = new List<SettlementLineFacts>();
        var finished = new List<string>();
        foreach (var stored in active)
        {
            var order = stored.Order;
            var orderLines = new List<SettlementLineFacts>();
            foreach (var line in order.Lines)
            {
                orderLines.Add(await LineAsync(order, line, cancellationToken).ConfigureAwait(false));
            }

            lines.AddRange(orderLines);
            if (orderLines.All(l => StatementCalculator.IsFinished(l, period.End)))
            {
                finished.Add(order.Id.Value);
            }
        }

        var claims = await ClaimsAsync(supplierId, terms, claimsFrom, period.End, shop, active, cancellationToken).ConfigureAwait(false);
        return new SettlementFacts(lines, claims, finished);
    }

    private async Task<SettlementLineFacts> LineAsync(PurchaseOrder order, PurchaseOrderLine line, CancellationToken cancellationToken)
    {
        var window = line.WindowReference(order.Terms.Window) is { } reference ? order.Terms.Window.Around(reference) : ((DateOnly From, DateOnly To)?)null;
        if (line.Commitment is null)
        {
            // Never accepted: nothing to deliver; closed once the supplier answered (rejected it).
            return new SettlementLineFacts(order.Id, line.LineNumber, line.Sku, line.UnitCost, line.Quantity, 0, window, order.Terms.Chargebacks, [], 0, line.IsAnswered);
        }

        var lotId = PurchaseOrderLots.LotId(order.Id, line.LineNumber);
        var lotRow = await store.GetAsync(ordersOptions.LotsTable, order.SupplierId, lotId, cancellationToken).ConfigureAwait(false);
        var lot = lotRow?.GetString("PurchaseOrderReference") is not null ? LotRows.Read(lotRow!) : null;
        var lotLine = lot?.Lines.FirstOrDefault(l => l.Sku == line.Sku.Value);
        var deliveries = new List<Delivery>();
        await foreach (var row in store.QueryAllAsync(ordersOptions.LotsTable, TableFilter.RowPrefix(order.SupplierId, LotReceipts.PrefixOf(lotId)), 1000, cancellationToken).ConfigureAwait(false))
        {
            var receipt = LotReceipts.Read(row);
            var units = receipt.Lines.Where(l => l.Sku == line.Sku.Value).Sum(l => l.Units);
            if (units > 0)
            {
                deliveries.Add(new Delivery(receipt.ReceivedOn, units, receipt.EventId));
            }
        }

        var closed = lotLine is not null && (lotLine.Received + lotLine.Cancelled >= lotLine.Quantity || lot!.Status == SupplierLotEventHandler.CancelledStatus);
        return new SettlementLineFacts(
            order.Id, line.LineNumber, line.Sku, line.UnitCost, line.Quantity, line.Commitment.Quantity, window, order.Terms.Chargebacks,
            deliveries, lotLine?.Cancelled ?? 0, closed);
    }

    private async Task<List<ReturnClaimFact>> ClaimsAsync(
        string supplierId, SupplierTerms terms, DateOnly from, DateOnly to, ShopSettings shop, IReadOnlyList<StoredPurchaseOrder> active, CancellationToken cancellationToken)
    {
        var known = active.ToDictionary(o => o.Order.Id.Value, o => o.Order, StringComparer.Ordinal);
        var claims = new List<ReturnClaimFact>();
        // Index days are UTC days; a day either side covers every shop time zone, then the shop's day decides.
        await foreach (var row in store.QueryAllAsync(returns.SupplierClaimsTable, SupplierClaimDays.Between(supplierId, from.AddDays(-1), to.AddDays(1)), 1000, cancellationToken).ConfigureAwait(false))
        {
            var (claimId, skuText, lotId, createdAt) = SupplierClaimDays.Read(row);
            var decidedOn = shop.LocalDate(createdAt);
            if (decidedOn < from || decidedOn > to || !Sku.TryParse(skuText, out var sku, out _))
            {
                continue;
            }

            Money? cost = null;
            string? purchaseOrderId = null;
            int? lineNumber = null;
            if (PurchaseOrderLots.TryParse(lotId, out var id, out var number))
            {
                var order = known.GetValueOrDefault(id.Value) ?? (await orders.GetAsync(supplierId, id.Value, cancellationToken).ConfigureAwait(false))?.Order;
                if (order?.Line(number) is { } line && line.Sku == sku)
                {
                    (cost, purchaseOrderId, lineNumber) = (line.UnitCost, id.Value, number);
                }
            }

            claims.Add(new ReturnClaimFact(claimId, sku, decidedOn, cost ?? terms.Offer(sku)?.UnitCost, purchaseOrderId, lineNumber));
        }

        return claims;
    }
}
