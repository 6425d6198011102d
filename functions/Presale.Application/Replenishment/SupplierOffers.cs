using Presale.Application.Purchasing;
using Presale.Domain.Common;
using Presale.Domain.Replenishment;

namespace Presale.Application.Replenishment;

/// <summary>The suppliers offering a SKU (their terms' catalogues, through the SKU index) with their real lead times.</summary>
public sealed class SupplierOffers(SupplierTermsStore terms, SupplierLeadTimes leadTimes)
{
    /// <summary>Every offer of <paramref name="sku"/>, by supplier id.</summary>
    public async Task<IReadOnlyList<SupplierOffer>> OfAsync(Sku sku, CancellationToken cancellationToken)
    {
        var offers = new List<SupplierOffer>();
        foreach (var stored in await terms.OffersOfAsync(sku, cancellationToken).ConfigureAwait(false))
        {
            var leadTime = await leadTimes.ForAsync(stored.SupplierId, cancellationToken).ConfigureAwait(false);
            offers.Add(new SupplierOffer(stored.SupplierId, stored.Terms.Offer(sku)!, leadTime));
        }

        return offers;
    }
}
