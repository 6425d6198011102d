using Presale.Application.Shop;
using Presale.Domain.Common;

namespace Presale.Application.Supply;

/// <summary>Reads a SKU's supply ledger and reservations (one query).</summary>
public sealed class GetSupplyHandler(SupplyStore supply, ShopSettingsStore shops, TimeProvider timeProvider)
{
    /// <summary>The view (null for an unknown SKU), and whether the shop is configured (dates need its time zone).</summary>
    public async Task<(SupplyView? View, bool ShopConfigured)> GetAsync(Sku sku, CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return (null, false);
        }

        var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
        return (state is null ? null : SupplyView.From(state, shop, timeProvider.GetUtcNow()), true);
    }
}
