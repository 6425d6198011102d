using Presale.Application.Reconciliation;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// The slip buffers of the suppliers whose lots a SKU's ledger holds (<see cref="SupplierPromiseBuffers"/>, learned per
/// supplier and cached), which the supply sequence adds to their lots' dates. Without buffers (none configured or
/// switched off) every lot counts at its ETA.
/// </summary>
public sealed class SupplierSlips(SupplierPromiseBuffers? buffers)
{
    /// <summary>No buffers: every lot counts at its ETA.</summary>
    public static IReadOnlyDictionary<string, PromiseBuffer> None { get; } = new Dictionary<string, PromiseBuffer>(StringComparer.Ordinal);

    /// <summary>The buffer per supplier id of every supplier with a lot in <paramref name="ledger"/> (suppliers without one are left out).</summary>
    public async Task<IReadOnlyDictionary<string, PromiseBuffer>> ForAsync(SupplyLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (buffers is null || ledger.Lots.Count == 0)
        {
            return None;
        }

        var result = new Dictionary<string, PromiseBuffer>(StringComparer.Ordinal);
        foreach (var lot in ledger.Lots.DistinctBy(l => l.SupplierId, StringComparer.Ordinal))
        {
            if (await buffers.ForAsync(lot.Source, cancellationToken).ConfigureAwait(false) is { } buffer)
            {
                result[lot.SupplierId] = buffer;
            }
        }

        return result;
    }
}
