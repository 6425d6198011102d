using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Domain.Common;
using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>
/// Decides how much of an order's original shipping charge a return's refund may add, so that all the returns of one
/// order together never refund more shipping than the customer paid, however many are settled at once.
/// </summary>
/// <remarks>
/// <para>
/// The order's returns may live in different return partitions, and an entity-group transaction covers one partition,
/// so the refund record cannot be written in one transaction with a per-order total. Instead the return first
/// <b>claims</b> the shipping on the order's <c>shipping</c> row (partition <c>order|{orderId}</c>, ETag-guarded, keyed
/// by return id), and only then writes its refund with the claimed amount. Two settlements that read the same version
/// cannot both write it: the loser re-reads, sees the winner's claim and takes what is left (usually nothing).
/// </para>
/// <para>
/// A claim is idempotent by return id: a settlement retried (a lost ETag race on the return, a failure after the claim)
/// gets the same amount back, so the refund recorded always equals the claim. A claim stays counted while its return
/// can still be refunded; once that return is refunded its refund record's original shipping counts; a return that ended
/// without a refund (closed, cancelled, rejected) frees its claim the next time another return of the order claims.
/// </para>
/// </remarks>
public sealed class OriginalShippingRefunds(ReturnRepository returns, OrderRepository orders, RandomSource random)
{
    /// <summary>
    /// The original shipping <paramref name="request"/>'s refund adds: its earlier claim if it has one, otherwise the
    /// order's shipping charge minus what the order's other returns refunded or hold, claimed for it before it returns.
    /// Zero when the order charged no shipping or nothing is left.
    /// </summary>
    /// <exception cref="InvalidOperationException">The return's order does not exist.</exception>
    public async Task<Money> ClaimAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zero = Money.Zero(request.Currency);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var claims = await returns.GetShippingClaimsAsync(request.OrderId, cancellationToken).ConfigureAwait(false);
            if (claims.ByReturn.TryGetValue(request.Id, out var claimed))
            {
                return new Money(claimed, request.Currency);
            }

            var order = await orders.GetAsync(request.OrderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order {request.OrderId} of return {request.Id} does not exist.");
            var charge = order.Order.ShippingCharge;
            if (charge <= zero)
            {
                return zero;
            }

            var taken = zero;
            var freed = new List<string>();
            foreach (var (returnId, amount) in claims.ByReturn)
            {
                var other = (await returns.GetAsync(returnId, cancellationToken).ConfigureAwait(false))?.Request;
                if (other?.Refund is { } refund)
                {
                    taken += refund.OriginalShippingRefund;
                }
                else if (other?.Status is ReturnStatus.Closed or ReturnStatus.Cancelled or ReturnStatus.Rejected)
                {
                    // Ended without a refund: it never will refund anything.
                    freed.Add(returnId);
                }
                else
                {
                    // Still to be refunded (or unreadable): its claim stands.
                    taken += new Money(amount, request.Currency);
                }
            }

            var left = Money.Max(zero, charge - taken);
            if (left == zero && freed.Count == 0)
            {
                return zero;
            }

            freed.ForEach(id => claims.ByReturn.Remove(id));
            if (left > zero)
            {
                claims.ByReturn[request.Id] = left.Amount;
            }

            if (await returns.TryWriteShippingClaimsAsync(claims, cancellationToken).ConfigureAwait(false))
            {
                return left;
            }
        }
    }
}
