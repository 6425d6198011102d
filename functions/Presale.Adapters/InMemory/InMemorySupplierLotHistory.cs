using System.Collections.Concurrent;
using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;

namespace Presale.Adapters.InMemory;

/// <summary>An in-memory <see cref="ISupplierLotHistory"/> for tests: lots are added by the test and read back per supplier.</summary>
public sealed class InMemorySupplierLotHistory : ISupplierLotHistory
{
    private readonly ConcurrentDictionary<(string SupplierId, string LotId), LotHistory> _lots = new();

    /// <summary>Adds or replaces a lot (keyed by supplier and lot id).</summary>
    public void Put(LotHistory lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        _lots[(lot.SupplierId, lot.LotId)] = lot;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LotHistory>> GetLotsAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LotHistory> lots = [.. _lots.Values.Where(l => string.Equals(l.SupplierId, supplierId, StringComparison.Ordinal))];
        return Task.FromResult(lots);
    }
}
