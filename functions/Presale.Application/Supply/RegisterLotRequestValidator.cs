using FluentValidation;
using Presale.Domain.Common;

namespace Presale.Application.Supply;

/// <summary>Validates <see cref="RegisterLotRequest"/>; every error names its field.</summary>
public sealed class RegisterLotRequestValidator : AbstractValidator<RegisterLotRequest>
{
    /// <summary>The most lines a lot may have.</summary>
    public const int MaxLines = 100;

    /// <summary>The most units of one SKU a lot may carry.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>Creates the rules.</summary>
    public RegisterLotRequestValidator()
    {
        RuleFor(r => r.LotId).Custom((id, context) =>
        {
            if (Identifier.Validate(id, "A lot id") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.PurchaseOrderReference).Custom((reference, context) =>
        {
            if (Identifier.Validate(reference, "A purchase-order reference") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.Eta).NotNull().WithMessage("An ETA is required.");
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A lot has at least one line.")
            .Must(l => l is null || l.Count <= MaxLines).WithMessage($"A lot has at most {MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line is required.").ChildRules(line =>
        {
            line.RuleFor(l => l!.Sku).Custom((sku, context) =>
            {
                if (!Sku.TryParse(sku, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            line.RuleFor(l => l!.Quantity).NotNull().WithMessage("A quantity is required.")
                .InclusiveBetween(1, MaxUnits).WithMessage($"A quantity is between 1 and {MaxUnits}.");
        }).When(r => r.Lines is { Count: <= MaxLines });
        RuleFor(r => r.Lines).Custom((lines, context) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < (lines?.Count ?? 0); i++)
            {
                if (lines![i]?.Sku is { } sku && !seen.TryAdd(sku, i))
                {
                    context.AddFailure($"Lines[{i}].Sku", $"SKU {sku} is already on line {seen[sku]}; put each SKU on one line.");
                }
            }
        });
    }
}
