using FluentValidation;

namespace Presale.Application.Supply;

/// <summary>Validates <see cref="StockAdjustmentRequest"/>; every error names its field.</summary>
public sealed class StockAdjustmentRequestValidator : AbstractValidator<StockAdjustmentRequest>
{
    /// <summary>The largest adjustment accepted in one request.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>Creates the rules.</summary>
    public StockAdjustmentRequestValidator()
    {
        RuleFor(r => r.Quantity).NotNull().WithMessage("A quantity is required.")
            .NotEqual(0).WithMessage("A quantity of zero changes nothing.")
            .InclusiveBetween(-MaxUnits, MaxUnits).WithMessage($"An adjustment is between -{MaxUnits} and {MaxUnits} units.");
        RuleFor(r => r.Reason).NotNull().WithMessage("A reason is required.").IsInEnum().WithMessage("Unknown reason.");
        RuleFor(r => r.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}
