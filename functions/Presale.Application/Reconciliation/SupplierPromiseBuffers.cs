using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// The slip buffer a new promise backed by a supplier's lot gets (<see cref="PromiseBufferCalculator"/> over the
/// supplier's received lots, <see cref="ReconciliationOptions"/> policy), so customers are promised what the supplier
/// usually delivers rather than what it says. Learned per supplier and kept for a minute (<see cref="SupplierCache{T}"/>).
/// </summary>
public sealed class SupplierPromiseBuffers(ISupplierLotHistory history, ReconciliationOptions options, TimeProvider timeProvider)
{
    private readonly SupplierCache<PromiseBuffer> _cache = new(timeProvider);

    /// <summary>The buffer for a promise backed by <paramref name="source"/>; null when it is not a lot or buffers are off.</summary>
    public async Task<PromiseBuffer?> ForAsync(SupplySource source, CancellationToken cancellationToken)
    {
        if (!options.SupplierBufferEnabled || source.Kind != SupplyKind.Lot || source.SupplierId is not { } supplierId)
        {
            return null;
        }

        return await _cache.GetAsync(
            supplierId,
            async token => PromiseBufferCalculator.For(supplierId, await history.GetLotsAsync(supplierId, token).ConfigureAwait(false), options.BufferPolicy),
            cancellationToken).ConfigureAwait(false);
    }
}
