using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>Which supply backs a promise, as the API shows it.</summary>
/// <param name="Kind">On hand, a lot, or the pre-sale cap.</param>
/// <param name="SupplierId">The lot's supplier, for a lot.</param>
/// <param name="LotId">The lot id, for a lot.</param>
public sealed record SupplySourceView(SupplyKind Kind, string? SupplierId = null, string? LotId = null)
{
    /// <summary>The view of <paramref name="source"/>.</summary>
    public static SupplySourceView From(SupplySource source) => new(source.Kind, source.SupplierId, source.LotId);
}
