using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;

namespace Presale.Application.Replenishment;

/// <summary>
/// A supplier's real lead time (<see cref="LeadTimeCalculator"/>) from its lot history — the same lots its scorecard
/// is computed from — falling back to the default lead time registered for it, then to
/// <see cref="ReplenishmentOptions.DefaultLeadTimeDays"/>. Kept per supplier for a minute (<see cref="SupplierCache{T}"/>),
/// so a page of suggestions or a sweep over many SKUs reads each supplier's lots and registry row once.
/// </summary>
public sealed class SupplierLeadTimes(ISupplierLotHistory history, SupplierRegistry registry, ReplenishmentOptions options, TimeProvider timeProvider)
{
    private readonly SupplierCache<SupplierLeadTime> _cache = new(timeProvider);

    /// <summary>The lead time of <paramref name="supplierId"/>.</summary>
    public Task<SupplierLeadTime> ForAsync(string supplierId, CancellationToken cancellationToken) =>
        _cache.GetAsync(
            supplierId,
            async token =>
            {
                var lots = await history.GetLotsAsync(supplierId, token).ConfigureAwait(false);
                var supplier = await registry.GetAsync(supplierId, token).ConfigureAwait(false);
                return LeadTimeCalculator.For(
                    supplierId,
                    lots,
                    supplier?.DefaultLeadTimeDays,
                    new LeadTimePolicy(options.LeadTimePercentile, options.LeadTimeLookbackLots, options.LeadTimeMinimumLots, options.DefaultLeadTimeDays));
            },
            cancellationToken);
}
