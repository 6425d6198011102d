using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Application.Credits;

/// <summary>A coupon or store credit issued to a customer for a late order.</summary>
/// <param name="Id">The award's de-duplication key, <c>comp:{orderId}:{tier}</c>: one record per order and tier.</param>
/// <param name="CustomerId">Who holds it.</param>
/// <param name="OrderId">The late order.</param>
/// <param name="Tier">The compensation tier, 1-based.</param>
/// <param name="Amount">Its value.</param>
/// <param name="Kind">Coupon or store credit.</param>
/// <param name="DueOn">The shop-local date the tier fell due.</param>
/// <param name="IssuedAt">When it was issued.</param>
public sealed record CreditRecord(
    string Id,
    string CustomerId,
    string OrderId,
    int Tier,
    Money Amount,
    CompensationKind Kind,
    DateOnly DueOn,
    DateTimeOffset IssuedAt);
