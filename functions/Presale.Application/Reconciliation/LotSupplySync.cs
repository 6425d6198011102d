using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Brings a SKU's ledger up to date with the lots table, the record of what suppliers said: for each lot line of the
/// SKU the units still expected (ordered − received − cancelled), the units received (moved on hand exactly once) and
/// the current ETA. Recomputed from the lot rows every time, so a duplicate, late or reordered reconcile message
/// applies nothing twice.
/// </summary>
public sealed class LotSupplySync(ITableStore store, OrdersOptions options)
{
    /// <summary>The ledger as the lot rows say it should be (the same instance when nothing differs).</summary>
    /// <exception cref="InvalidOperationException">A receipt would push on hand out of range.</exception>
    public async Task<SupplyLedger> SyncAsync(Sku sku, SupplyLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var current = ledger;
        foreach (var lot in ledger.Lots)
        {
            var row = await store.GetAsync(options.LotsTable, lot.SupplierId, lot.LotId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                continue;
            }

            var view = LotRows.Read(row);
            if (view.Lines.FirstOrDefault(l => l.Sku == sku.Value) is not { } line)
            {
                continue;
            }

            var expected = Math.Max(0, line.Quantity - line.Received - line.Cancelled);
            if (expected == lot.Quantity && line.Received == lot.Received && view.Eta == lot.Eta)
            {
                continue;
            }

            current = current.WithLotState(lot.Source, expected, line.Received, view.Eta, out var error)
                ?? throw new InvalidOperationException(error ?? $"SKU {sku} lost lot {lot.Source} while it was being synchronised.");
        }

        return current;
    }
}
