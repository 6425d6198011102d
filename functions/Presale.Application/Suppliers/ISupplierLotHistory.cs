using Presale.Domain.Suppliers;

namespace Presale.Application.Suppliers;

/// <summary>
/// The port the scorecard (and the promise buffer) read lot histories from: every lot of one supplier with its first
/// promised ETA, applied ETA changes, quantities ordered and received, final receipt date and cancellation. The supply
/// ledger implements it over its lots (one partition range query per supplier).
/// </summary>
public interface ISupplierLotHistory
{
    /// <summary>Every lot of <paramref name="supplierId"/>, open and closed, in any order; empty when it has none.</summary>
    Task<IReadOnlyList<LotHistory>> GetLotsAsync(string supplierId, CancellationToken cancellationToken = default);
}
