using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>
/// The body of <c>POST /api/orders/{id}/payments</c>: one outcome from the shop's payment system for one instalment of
/// the order's schedule, keyed by the payment system's payment id (posting it again is a replay).
/// </summary>
/// <param name="PaymentId">The payment system's id of this attempt: the idempotency key.</param>
/// <param name="InstalmentId">The instalment it pays, as the schedule names it: <c>1-deposit</c>, <c>2-balance</c>.</param>
/// <param name="Outcome"><c>captured</c>, <c>authorised</c> or <c>failed</c>.</param>
/// <param name="Amount">The amount captured, held or attempted, in the order's currency.</param>
/// <param name="Currency">The ISO 4217 code of <paramref name="Amount"/> (the order's currency).</param>
/// <param name="ReasonCode">Why it failed, in the payment system's words (failed outcomes only): <c>card_expired</c>.</param>
/// <param name="OccurredAt">When the payment system says it happened.</param>
/// <param name="AuthorisationExpiresAt">When the hold on the card lapses (authorised outcomes), if known.</param>
public sealed record RecordPaymentRequest(
    string? PaymentId,
    string? InstalmentId,
    string? Outcome,
    decimal? Amount,
    string? Currency,
    string? ReasonCode,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? AuthorisationExpiresAt)
{
    /// <summary>The outcome named by <see cref="Outcome"/>; null when it names none.</summary>
    public PaymentOutcomeKind? OutcomeKind() => Outcome switch
    {
        "captured" => PaymentOutcomeKind.Captured,
        "authorised" => PaymentOutcomeKind.Authorised,
        "failed" => PaymentOutcomeKind.Failed,
        _ => null,
    };
}
