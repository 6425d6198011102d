using FluentValidation;
using Presale.Domain.Catalog;
using Presale.Domain.Common;

namespace Presale.Application.Orders;

/// <summary>The line rules orders and quotes share: a valid SKU, a quantity in range, each SKU once.</summary>
internal static class OrderLineRules
{
    public static void AddSkuAndQuantityRules<T>(InlineValidator<T> line)
        where T : IOrderLineInput
    {
        line.RuleFor(l => l.Sku).Custom((value, context) =>
        {
            if (!Sku.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
            }
        });
        line.RuleFor(l => l.Quantity).NotNull().WithMessage("A quantity is required.")
            .InclusiveBetween(1, SkuSettings.MaxUnitsPerOrder).WithMessage($"A quantity is between 1 and {SkuSettings.MaxUnitsPerOrder}.");
    }

    public static void AddDistinctSkuRule<T, TLine>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<TLine>?>> lines)
        where TLine : IOrderLineInput
    {
        validator.RuleFor(lines).Custom((items, context) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i] is { Sku: { } code } && !seen.TryAdd(code, i))
                {
                    context.AddFailure($"Lines[{i}].Sku", $"SKU {code} is already on line {seen[code]}; put each SKU on one line.");
                }
            }
        });
    }
}
