using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>
/// A tier now due for an order: what to issue and the key that makes issuing it at-most-once
/// (insert a record keyed by <see cref="DeduplicationKey"/>; a conflict means it was already issued).
/// </summary>
/// <param name="OrderId">The late order.</param>
/// <param name="CustomerId">Who receives the coupon or credit.</param>
/// <param name="Tier">The tier number, 1-based.</param>
/// <param name="DueOn">The shop-local date the tier became due (promised date + the tier's first day late).</param>
/// <param name="Amount">The amount, rounded to the policy's decimals, after minimum and cap.</param>
/// <param name="Kind">Coupon or store credit.</param>
/// <param name="DeduplicationKey"><c>comp:{orderId}:{tier}</c>.</param>
public sealed record CompensationAward(
    string OrderId,
    string CustomerId,
    int Tier,
    DateOnly DueOn,
    Money Amount,
    CompensationKind Kind,
    string DeduplicationKey)
{
    /// <summary>The de-duplication key of tier <paramref name="tier"/> of order <paramref name="orderId"/>.</summary>
    public static string KeyFor(string orderId, int tier) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"comp:{orderId}:{tier}");
}
