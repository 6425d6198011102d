using FluentValidation;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>Validates <see cref="AcknowledgePurchaseOrderRequest"/>; every error names its JSON field (<c>accepted[0].eta</c>).</summary>
public sealed class AcknowledgePurchaseOrderRequestValidator : AbstractValidator<AcknowledgePurchaseOrderRequest>
{
    /// <summary>The longest event id accepted (the line's lot events are named <c>ack:{eventId}</c>, an identifier too).</summary>
    public const int MaxEventIdLength = 96;

    /// <summary>The longest rejection reason accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Creates the rules.</summary>
    public AcknowledgePurchaseOrderRequestValidator()
    {
        RuleFor(r => r.EventId).Custom((id, context) =>
        {
            if ((Identifier.Validate(id, "An event id") ?? (id!.Length > MaxEventIdLength ? $"An event id has at most {MaxEventIdLength} characters." : null)) is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.SupplierTimestamp).NotNull().WithMessage("The supplier's timestamp (ISO 8601 instant) is required.");
        RuleFor(r => r).Must(r => (r.Accepted?.Count ?? 0) + (r.Rejected?.Count ?? 0) > 0)
            .OverridePropertyName("accepted").WithMessage("An acknowledgement accepts or rejects at least one line.");
        RuleFor(r => r.Accepted).Must(l => l is null || l.Count <= PurchaseOrder.MaxLines).WithMessage($"At most {PurchaseOrder.MaxLines} lines.");
        RuleFor(r => r.Rejected).Must(l => l is null || l.Count <= PurchaseOrder.MaxLines).WithMessage($"At most {PurchaseOrder.MaxLines} lines.");
        RuleForEach(r => r.Accepted).NotNull().WithMessage("A line has lineNumber, quantity and eta.").ChildRules(line =>
        {
            line.RuleFor(l => l!.LineNumber).Must(n => n >= 1 && n <= PurchaseOrder.MaxLines).WithMessage($"A line number is from 1 to {PurchaseOrder.MaxLines}.");
            line.RuleFor(l => l!.Quantity).Must(q => q >= 1 && q <= PurchaseOrder.MaxUnitsPerLine).WithMessage($"A quantity is a whole number from 1 to {PurchaseOrder.MaxUnitsPerLine}; to refuse a line, reject it.");
            line.RuleFor(l => l!.Eta).NotEmpty().WithMessage("An ETA is required: a date (yyyy-MM-dd) or an ISO 8601 instant.")
                .MaximumLength(40).WithMessage("An ETA is a date (yyyy-MM-dd) or an ISO 8601 instant.");
        }).When(r => r.Accepted is { Count: <= PurchaseOrder.MaxLines });
        RuleForEach(r => r.Rejected).NotNull().WithMessage("A line has lineNumber and an optional reason.").ChildRules(line =>
        {
            line.RuleFor(l => l!.LineNumber).Must(n => n >= 1 && n <= PurchaseOrder.MaxLines).WithMessage($"A line number is from 1 to {PurchaseOrder.MaxLines}.");
            line.RuleFor(l => l!.Reason).MaximumLength(MaxReasonLength).WithMessage($"A reason has at most {MaxReasonLength} characters.");
        }).When(r => r.Rejected is { Count: <= PurchaseOrder.MaxLines });
    }
}
