using Presale.Application.Storage;

namespace Presale.Application.Returns;

/// <summary>
/// The units of an order covered by returns, per return id and SKU, as stored (one row per order, written with its
/// ETag so two returns of the same order at once cannot both take the same units).
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="ByReturn">Return id → SKU → units.</param>
/// <param name="ETag">The row's version, or null when there is no row yet.</param>
public sealed record OrderReturnedUnits(string OrderId, Dictionary<string, Dictionary<string, int>> ByReturn, ETag? ETag)
{
    /// <summary>Units of <paramref name="sku"/> covered by returns other than <paramref name="exceptReturnId"/>.</summary>
    public int Returned(string sku, string exceptReturnId) =>
        ByReturn.Where(r => r.Key != exceptReturnId).Sum(r => r.Value.GetValueOrDefault(sku));
}
