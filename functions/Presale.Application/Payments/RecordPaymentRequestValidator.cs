using FluentValidation;
using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>
/// Validates <see cref="RecordPaymentRequest"/> on its own (what fits the order's schedule is the ledger's to say);
/// every error names its field.
/// </summary>
public sealed class RecordPaymentRequestValidator : AbstractValidator<RecordPaymentRequest>
{
    /// <summary>The longest reason code accepted.</summary>
    public const int MaxReasonCodeLength = 100;

    /// <summary>Creates the rules.</summary>
    public RecordPaymentRequestValidator()
    {
        RuleFor(r => r.PaymentId).Must(id => Identifier.Validate(id, "A payment id") is null)
            .WithMessage(r => Identifier.Validate(r.PaymentId, "A payment id")!);
        RuleFor(r => r.InstalmentId).Must(id => Identifier.Validate(id, "An instalment id") is null)
            .WithMessage(r => Identifier.Validate(r.InstalmentId, "An instalment id")!);
        RuleFor(r => r.Outcome).Must((r, _) => r.OutcomeKind() is not null)
            .WithMessage("An outcome is captured, authorised or failed.");
        RuleFor(r => r.Amount).NotNull().WithMessage("An amount is required.")
            .GreaterThan(0m).WithMessage("An amount is more than zero.");
        RuleFor(r => r.Currency).Must(c => c is { Length: 3 } && c.All(char.IsAsciiLetterUpper))
            .WithMessage("A currency is an ISO 4217 code of three upper-case letters, e.g. EUR.");
        RuleFor(r => r.ReasonCode).Must(c => !string.IsNullOrWhiteSpace(c)).When(r => r.OutcomeKind() == PaymentOutcomeKind.Failed)
            .WithMessage("A failed payment names its reason code.");
        RuleFor(r => r.ReasonCode).Null().When(r => r.OutcomeKind() is PaymentOutcomeKind.Captured or PaymentOutcomeKind.Authorised)
            .WithMessage("Only a failed payment has a reason code.");
        RuleFor(r => r.ReasonCode).MaximumLength(MaxReasonCodeLength)
            .WithMessage($"A reason code has at most {MaxReasonCodeLength} characters.");
        RuleFor(r => r.OccurredAt).NotNull().WithMessage("When the payment happened (occurredAt) is required.");
        RuleFor(r => r.AuthorisationExpiresAt).Null().When(r => r.OutcomeKind() is PaymentOutcomeKind.Failed)
            .WithMessage("A failed payment holds nothing on the card.");
        RuleFor(r => r.AuthorisationExpiresAt).GreaterThan(r => r.OccurredAt)
            .When(r => r.AuthorisationExpiresAt is not null && r.OccurredAt is not null)
            .WithMessage("An authorisation expires after it was given.");
    }
}
