using System.Collections.Concurrent;
using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// The slip buffer a new promise backed by a supplier's lot gets (<see cref="PromiseBufferCalculator"/> over the
/// supplier's received lots, <see cref="ReconciliationOptions"/> policy), so customers are promised what the supplier
/// usually delivers rather than what it says. Learned per supplier and kept for a minute (a quote or an order burst
/// reads the supplier's lots once).
/// </summary>
public sealed class SupplierPromiseBuffers(ISupplierLotHistory history, ReconciliationOptions options, TimeProvider timeProvider)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (PromiseBuffer Buffer, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The buffer for a promise backed by <paramref name="source"/>; null when it is not a lot or buffers are off.</summary>
    public async Task<PromiseBuffer?> ForAsync(SupplySource source, CancellationToken cancellationToken)
    {
        if (!options.SupplierBufferEnabled || source.Kind != SupplyKind.Lot || source.SupplierId is not { } supplierId)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(supplierId, out var cached) && cached.Until > now)
        {
            return cached.Buffer;
        }

        var lots = await history.GetLotsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var buffer = PromiseBufferCalculator.For(supplierId, lots, options.BufferPolicy);
        _cache[supplierId] = (buffer, now + CacheDuration);
        return buffer;
    }
}
