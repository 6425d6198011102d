using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>A payment outcome as recorded (the answer to posting it, the same on every replay).</summary>
/// <param name="PaymentId">The payment system's id of the attempt.</param>
/// <param name="InstalmentId">The instalment it pays.</param>
/// <param name="Outcome"><c>captured</c>, <c>authorised</c> or <c>failed</c>.</param>
/// <param name="Amount">The amount captured, held or attempted.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="ReasonCode">Why it failed (failed outcomes only).</param>
/// <param name="OccurredAt">When the payment system says it happened.</param>
/// <param name="AuthorisationExpiresAt">When the hold on the card lapses, if known.</param>
public sealed record PaymentOutcomeView(
    string PaymentId,
    string InstalmentId,
    string Outcome,
    decimal Amount,
    string Currency,
    string? ReasonCode,
    DateTimeOffset OccurredAt,
    DateTimeOffset? AuthorisationExpiresAt)
{
    /// <summary>The view of <paramref name="outcome"/>.</summary>
    public static PaymentOutcomeView From(PaymentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new PaymentOutcomeView(
            outcome.PaymentId,
            outcome.InstalmentId,
            outcome.Kind switch
            {
                PaymentOutcomeKind.Captured => "captured",
                PaymentOutcomeKind.Authorised => "authorised",
                _ => "failed",
            },
            outcome.Amount.Amount,
            outcome.Amount.Currency,
            outcome.ReasonCode,
            outcome.At,
            outcome.AuthorisationExpiresAt);
    }
}
