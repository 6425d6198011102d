using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;

namespace Presale.Application.Settlement;

/// <summary>A supplier's scorecard as of a given day (the grade its rebate follows, the on-time rate its waivers follow), from the same lots and policy as its scorecard route.</summary>
public sealed class SupplierGrades(ISupplierLotHistory history, SuppliersOptions options)
{
    /// <summary>The scorecard of <paramref name="supplierId"/> as of <paramref name="day"/>.</summary>
    public async Task<SupplierScorecard> AsOfAsync(string supplierId, DateOnly day, CancellationToken cancellationToken)
    {
        var lots = await history.GetLotsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return SupplierScorecardCalculator.Compute(supplierId, lots, day, new ScorecardPolicy(options.ScorecardToleranceDays, options.ScorecardEarlyCountsAsMiss, options.ScorecardMinimumLotsForGrade));
    }
}
