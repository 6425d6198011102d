namespace Presale.Domain.Payments;

/// <summary>The result of recording a payment outcome: what happened and, when refused, why and which field.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why it was refused.</param>
/// <param name="Field">The request field at fault.</param>
public sealed record PaymentRecordResult(PaymentRecordOutcome Outcome, string? Message = null, string? Field = null);
