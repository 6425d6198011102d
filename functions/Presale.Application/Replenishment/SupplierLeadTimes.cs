using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;

namespace Presale.Application.Replenishment;

/// <summary>
/// A supplier's real lead time (<see cref="LeadTimeCalculator"/>) from its lot history — the same lots its scorecard
/// is computed from — falling back to the default lead time registered for it, then to
/// <see cref="ReplenishmentOptions.DefaultLeadTimeDays"/>.
/// </summary>
public sealed class SupplierLeadTimes(ISupplierLotHistory history, SupplierRegistry registry, ReplenishmentOptions options)
{
    /// <summary>The lead time of <paramref name="supplierId"/>.</summary>
    public async Task<SupplierLeadTime> ForAsync(string supplierId, CancellationToken cancellationToken)
    {
        var lots = await history.GetLotsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var supplier = await registry.GetAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return LeadTimeCalculator.For(
            supplierId,
            lots,
            supplier?.DefaultLeadTimeDays,
            new LeadTimePolicy(options.LeadTimePercentile, options.LeadTimeLookbackLots, options.LeadTimeMinimumLots, options.DefaultLeadTimeDays));
    }
}
