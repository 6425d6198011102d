using Presale.Domain.Suppliers;

namespace Presale.Application.Suppliers;

/// <summary>
/// Answers <c>GET /api/suppliers/{supplierId}/scorecard</c>: the registered supplier's lot histories from
/// <see cref="ISupplierLotHistory"/>, judged by <see cref="SupplierScorecardCalculator"/> as of the shop's today with
/// the configured <see cref="ScorecardPolicy"/>.
/// </summary>
public sealed class SupplierScorecardQuery
{
    private readonly SupplierRegistry _registry;
    private readonly ISupplierLotHistory _lots;
    private readonly TimeProvider _time;
    private readonly ScorecardPolicy _policy;
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates the query.</summary>
    public SupplierScorecardQuery(SupplierRegistry registry, ISupplierLotHistory lots, TimeProvider time, SuppliersOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _lots = lots;
        _time = time;
        _policy = new ScorecardPolicy(options.ScorecardToleranceDays, options.ScorecardEarlyCountsAsMiss, options.ScorecardMinimumLotsForGrade).Validate();
        _zone = options.ShopTimeZone();
    }

    /// <summary>The scorecard, or null when no supplier has this id.</summary>
    public async Task<SupplierScorecardView?> GetAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        if (!await _registry.ExistsAsync(supplierId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var lots = await _lots.GetLotsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);
        var card = SupplierScorecardCalculator.Compute(supplierId, lots, today, _policy);
        return SupplierScorecardView.From(card, today, _policy);
    }
}
