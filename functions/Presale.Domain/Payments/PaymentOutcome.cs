using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>
/// One outcome from the shop's payment system for one instalment, identified by the payment system's payment id (the
/// idempotency key: the same id again is a replay).
/// </summary>
/// <param name="PaymentId">The payment system's id of this attempt.</param>
/// <param name="InstalmentId">The instalment it pays (<see cref="Instalment.Id"/>).</param>
/// <param name="Kind">Captured, authorised or failed.</param>
/// <param name="Amount">The amount captured, held or attempted.</param>
/// <param name="ReasonCode">Why it failed (failed outcomes only), in the payment system's words: "card_expired".</param>
/// <param name="At">When the payment system reports it happened.</param>
/// <param name="AuthorisationExpiresAt">When the hold on the card lapses (authorised or captured with a hold), if known.</param>
public sealed record PaymentOutcome(string PaymentId, string InstalmentId, PaymentOutcomeKind Kind, Money Amount, string? ReasonCode, DateTimeOffset At, DateTimeOffset? AuthorisationExpiresAt);
