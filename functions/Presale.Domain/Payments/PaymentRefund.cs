using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>Money given back to the customer out of what was captured (a cancellation or a return).</summary>
/// <param name="RefundId">The refund's id (the cancellation's or return's), so it is given once.</param>
/// <param name="Amount">The amount refunded.</param>
/// <param name="At">When it was decided.</param>
public sealed record PaymentRefund(string RefundId, Money Amount, DateTimeOffset At);
