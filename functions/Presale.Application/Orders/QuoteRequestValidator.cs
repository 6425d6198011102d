using FluentValidation;

namespace Presale.Application.Orders;

/// <summary>Validates <see cref="QuoteRequest"/>; every error names its field.</summary>
public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    /// <summary>Creates the rules.</summary>
    public QuoteRequestValidator(OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A quote has at least one line.")
            .Must(l => l is null || l.Count <= options.MaxLinesPerOrder).WithMessage($"A quote has at most {options.MaxLinesPerOrder} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line is required.")
            .ChildRules(OrderLineRules.AddSkuAndQuantityRules)
            .When(r => r.Lines is not null && r.Lines.Count <= options.MaxLinesPerOrder);
        OrderLineRules.AddDistinctSkuRule(this, r => r.Lines);
    }
}
