using FluentValidation;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>Validates <see cref="CreatePurchaseOrderRequest"/>; every error names its JSON field (<c>lines[1].unitCost</c>).</summary>
public sealed class CreatePurchaseOrderRequestValidator : AbstractValidator<CreatePurchaseOrderRequest>
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Creates the rules.</summary>
    public CreatePurchaseOrderRequestValidator()
    {
        RuleFor(r => r.PurchaseOrderId).Custom((id, context) =>
        {
            if (!PurchaseOrderId.TryParse(id, out _, out var error))
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.SupplierId).Custom((id, context) =>
        {
            if (Identifier.Validate(id, "A supplier id") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.Currency).Must(SupplierTermsRequestValidator.IsCurrency).When(r => r.Currency is not null).WithMessage("An ISO 4217 currency code (three letters).");
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A purchase order has at least one line.")
            .Must(l => l is null || l.Count <= PurchaseOrder.MaxLines).WithMessage($"A purchase order has at most {PurchaseOrder.MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line has sku and quantity.").ChildRules(line =>
        {
            line.RuleFor(l => l!.Sku).Custom((sku, context) =>
            {
                if (!Sku.TryParse(sku, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            line.RuleFor(l => l!.Quantity).Must(q => q >= 1 && q <= PurchaseOrder.MaxUnitsPerLine).WithMessage($"A quantity is a whole number from 1 to {PurchaseOrder.MaxUnitsPerLine}.");
            line.RuleFor(l => l!.UnitCost).Custom((cost, context) =>
            {
                if (cost is not null && UnitCost.Validate(cost) is { } error)
                {
                    context.AddFailure(error);
                }
            });
        }).When(r => r.Lines is { Count: <= PurchaseOrder.MaxLines });
        RuleFor(r => r.Lines).Custom((lines, context) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < (lines?.Count ?? 0); i++)
            {
                if (lines![i]?.Sku is { } sku && !seen.TryAdd(sku, i))
                {
                    context.AddFailure($"Lines[{i}].Sku", $"SKU {sku} is already on lines[{seen[sku]}]; put each SKU on one line.");
                }
            }
        });
        RuleFor(r => r.SuggestionId).Must(s => s is null || s.Length is >= 1 and <= 200 && !s.Any(char.IsControl)).WithMessage("A suggestion id has 1 to 200 characters and no control characters.");
        RuleFor(r => r.Note).MaximumLength(MaxNoteLength).WithMessage($"A note has at most {MaxNoteLength} characters.");
    }
}
