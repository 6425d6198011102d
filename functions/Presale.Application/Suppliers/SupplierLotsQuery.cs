using Presale.Application.Common;
using System.Globalization;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Suppliers;

namespace Presale.Application.Suppliers;

/// <summary>
/// Reads a supplier's lots from its partition of the lots table (one range query): the demand view suppliers see, and
/// the lot history the scorecard and the promise buffer learn from (<see cref="ISupplierLotHistory"/>), with the
/// return-to-vendor claims returns recorded per lot (the supplier's partition of the supplier claims table, one query;
/// claims without a lot id count against no lot).
/// </summary>
public sealed class SupplierLotsQuery(ITableStore store, OrdersOptions options, ReturnsOptions returns) : ISupplierLotHistory
{
    private readonly TableBootstrap _tables = new(store, [options.LotsTable, returns.SupplierClaimsTable]);

    /// <summary>The supplier's lots, each with what the latest reconciliations peg to it.</summary>
    public async Task<IReadOnlyList<SupplierLotDemandView>> ListAsync(string supplierId, CancellationToken cancellationToken)
    {
        var (lots, demand) = await ReadAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return [.. lots.Select(l =>
        {
            var rows = demand.GetValueOrDefault(l.Lot.LotId) ?? [];
            return new SupplierLotDemandView(
                l.Lot.LotId,
                l.Lot.PurchaseOrderReference,
                l.Lot.Status,
                l.Lot.Eta,
                l.Lot.Lines.Sum(x => x.Quantity),
                l.Lot.Lines.Sum(x => x.Received),
                l.Lot.Lines.Sum(x => x.Cancelled),
                l.Lot.Lines,
                l.Lot.EtaHistory,
                rows.Sum(r => r.GetInt32("OrderCount") ?? 0),
                rows.Sum(r => r.GetInt64("PeggedUnits") ?? 0),
                rows.Where(r => (r.GetInt32("OrderCount") ?? 0) > 0).Select(LotDemandRows.EarliestPromise).Where(d => d is not null).Min());
        })];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LotHistory>> GetLotsAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var (lots, _) = await ReadAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var claims = lots.Count == 0 ? [] : await ClaimsPerLotAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return [.. lots.Select(l =>
        {
            var lot = l.Lot;
            var ordered = lot.Lines.Sum(x => x.Quantity);
            var received = lot.Lines.Sum(x => x.Received);
            var cancelled = lot.Status == SupplierLotEventHandler.CancelledStatus;
            var complete = lot.Lines.All(x => x.Received + x.Cancelled >= x.Quantity) && received > 0;
            return new LotHistory(
                lot.LotId,
                lot.SupplierId,
                lot.EtaHistory.Count > 0 ? lot.EtaHistory[0].Eta : lot.Eta,
                [.. lot.EtaHistory.Skip(1).Select(h => new EtaChange(h.RecordedAt, h.Eta, h.SystemEstimated == true))],
                ordered,
                received,
                complete ? l.LastReceivedOn : null,
                cancelled && received == 0,
                claims.GetValueOrDefault(lot.LotId),
                DateOnly.FromDateTime(lot.RegisteredAt.UtcDateTime));
        })];
    }

    private async Task<Dictionary<string, int>> ClaimsPerLotAsync(string supplierId, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, int>(StringComparer.Ordinal);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in store.QueryAllAsync(returns.SupplierClaimsTable, TableFilter.Partition(supplierId), 1000, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("LotId") is { Length: > 0 } lotId)
            {
                claims[lotId] = claims.GetValueOrDefault(lotId) + 1;
            }
        }

        return claims;
    }

    private async Task<(List<(LotView Lot, DateOnly? LastReceivedOn)> Lots, Dictionary<string, List<TableEntity>> Demand)> ReadAsync(string supplierId, CancellationToken cancellationToken)
    {
        var lots = new List<(LotView, DateOnly?)>();
        var demand = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        if (Identifier.Validate(supplierId, "supplier") is not null)
        {
            return (lots, demand);
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in store.QueryAllAsync(options.LotsTable, TableFilter.Partition(supplierId), 1000, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(LotDemandRows.Prefix, StringComparison.Ordinal))
            {
                var lotId = row.GetString("LotId") ?? string.Empty;
                if (!demand.TryGetValue(lotId, out var list))
                {
                    demand[lotId] = list = [];
                }

                list.Add(row);
            }
            else if (row.GetString("PurchaseOrderReference") is not null && row.GetString("Eta") is not null)
            {
                var receivedOn = row.GetString("LastReceivedOn") is { Length: > 0 } text
                    ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : (DateOnly?)null;
                lots.Add((LotRows.Read(row), receivedOn));
            }
        }

        return (lots, demand);
    }
}
