using Presale.Application.Replenishment;
using Presale.Domain.Common;
using Presale.Domain.Shop;

namespace Presale.Application.Purchasing;

/// <summary>
/// The delivery date a purchase-order line asks for when the operator gives none: the date the SKU's earliest
/// customer promise without confirmed supply needs the goods in the warehouse by (the promise less handling days), or,
/// when no promise waits, today plus the supplier's lead time. Never before today. SKUs not configured get no date.
/// </summary>
public sealed class RequestedDates(SkuDemandReader demand, SupplierLeadTimes leadTimes)
{
    /// <summary>
    /// The requested date of each configured SKU of <paramref name="skus"/> ordered from <paramref name="supplierId"/>:
    /// <paramref name="given"/> when the operator set one, else derived as above.
    /// </summary>
    public async Task<IReadOnlyDictionary<Sku, DateOnly>> ForAsync(string supplierId, IEnumerable<Sku> skus, DateOnly? given, ShopSettings shop, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var dates = new Dictionary<Sku, DateOnly>();
        int? leadDays = null;
        foreach (var sku in skus)
        {
            if (await demand.ReadAsync(sku, shop, cancellationToken).ConfigureAwait(false) is not { } snapshot)
            {
                continue;
            }

            var needBy = given ?? snapshot.UncoveredNeedBy;
            if (needBy is null)
            {
                leadDays ??= (await leadTimes.ForAsync(supplierId, cancellationToken).ConfigureAwait(false)).Days;
                needBy = today.AddDays(leadDays.Value);
            }

            dates[sku] = needBy.Value < today ? today : needBy.Value;
        }

        return dates;
    }
}
