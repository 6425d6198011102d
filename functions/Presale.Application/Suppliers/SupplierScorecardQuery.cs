using Presale.Application.Shop;
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
    private readonly ShopSettingsStore _shops;

    /// <summary>Creates the query; "today" is the shop's, from its settings (<paramref name="shops"/>).</summary>
    public SupplierScorecardQuery(SupplierRegistry registry, ISupplierLotHistory lots, ShopSettingsStore shops, TimeProvider time, SuppliersOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(shops);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _lots = lots;
        _shops = shops;
        _time = time;
        _policy = new ScorecardPolicy(options.ScorecardToleranceDays, options.ScorecardEarlyCountsAsMiss, options.ScorecardMinimumLotsForGrade).Validate();
    }

    /// <summary>The scorecard, or null when no supplier has this id.</summary>
    public async Task<SupplierScorecardView?> GetAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        if (!await _registry.ExistsAsync(supplierId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var lots = await _lots.GetLotsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        // Lot dates are shop-local. Without shop settings no lot can have been registered; UTC then serves.
        var now = _time.GetUtcNow();
        var shop = await _shops.GetAsync(cancellationToken).ConfigureAwait(false);
        var today = shop?.LocalDate(now) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var card = SupplierScorecardCalculator.Compute(supplierId, lots, today, _policy);
        return SupplierScorecardView.From(card, today, _policy);
    }
}
