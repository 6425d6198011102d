using Presale.Domain.Common;

namespace Presale.Domain.Returns.Refunds;

/// <summary>
/// The one refund of a return. <see cref="Key"/> is the return id, so storage can insert it once and treat a second
/// insert as the same refund (idempotent).
/// </summary>
/// <param name="Key">The refund's idempotency key: the return id.</param>
/// <param name="ReturnId">The return refunded.</param>
/// <param name="OrderId">The order it came from.</param>
/// <param name="CustomerId">The customer refunded.</param>
/// <param name="Lines">Per line amounts.</param>
/// <param name="Goods">The sum of the lines' net amounts.</param>
/// <param name="OriginalShippingRefund">Original shipping refunded because the shop was at fault (or zero).</param>
/// <param name="ReturnLabelDeduction">The return label's cost deducted (or zero).</param>
/// <param name="Total">Goods + original shipping − label deduction, never below zero.</param>
public sealed record Refund(
    string Key,
    string ReturnId,
    string OrderId,
    string CustomerId,
    IReadOnlyList<RefundLine> Lines,
    Money Goods,
    Money OriginalShippingRefund,
    Money ReturnLabelDeduction,
    Money Total)
{
    /// <summary>The refund key for a return: one refund per return.</summary>
    public static string KeyFor(string returnId) => returnId;
}
