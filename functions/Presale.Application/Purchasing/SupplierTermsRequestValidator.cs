using FluentValidation;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Suppliers;

namespace Presale.Application.Purchasing;

/// <summary>Validates <see cref="SupplierTermsRequest"/>; every error names its JSON field (<c>chargebacks.lateUnits</c>, <c>catalogue[2].unitCost</c>).</summary>
public sealed class SupplierTermsRequestValidator : AbstractValidator<SupplierTermsRequest>
{
    /// <summary>The most volume tiers a schedule may have.</summary>
    public const int MaxVolumeTiers = 20;

    /// <summary>Creates the rules.</summary>
    public SupplierTermsRequestValidator()
    {
        RuleFor(r => r.Currency).Must(IsCurrency).WithMessage("An ISO 4217 currency code (three letters) is required.");
        RuleFor(r => r.PaymentTerms).NotNull().WithMessage("Payment terms are required: netDays and basis (receipt or invoice).");
        When(r => r.PaymentTerms is not null, () =>
        {
            RuleFor(r => r.PaymentTerms!.NetDays).Must(v => v >= 0 && v <= PaymentTerms.MaxNetDays).WithMessage($"Net days are a whole number from 0 to {PaymentTerms.MaxNetDays}.");
            RuleFor(r => r.PaymentTerms!.Basis).Must(v => v is not null && Enum.IsDefined(v.Value)).WithMessage("The basis is receipt or invoice.");
        });
        RuleFor(r => r.OnTimeWindow).NotNull().WithMessage("An on-time window is required: daysEarly, daysLate and reference.");
        When(r => r.OnTimeWindow is not null, () =>
        {
            RuleFor(r => r.OnTimeWindow!.DaysEarly).Must(v => v >= 0 && v <= OnTimeWindow.MaxDays).WithMessage($"Days early are a whole number from 0 to {OnTimeWindow.MaxDays}.");
            RuleFor(r => r.OnTimeWindow!.DaysLate).Must(v => v >= 0 && v <= OnTimeWindow.MaxDays).WithMessage($"Days late are a whole number from 0 to {OnTimeWindow.MaxDays}.");
            RuleFor(r => r.OnTimeWindow!.Reference).Must(v => v is not null && Enum.IsDefined(v.Value)).WithMessage("The reference is requestedDate or firstAcknowledgedDate.");
        });
        RuleFor(r => r.Chargebacks).NotNull().WithMessage("Chargeback rates are required (0 for none): lateUnits, shortUnits, cancelledLine.");
        When(r => r.Chargebacks is not null, () =>
        {
            RuleFor(r => r.Chargebacks!.LateUnits).Must(v => v >= 0m && v <= 1m).WithMessage("A rate is a fraction from 0 to 1 (0.03 = 3 %).");
            RuleFor(r => r.Chargebacks!.ShortUnits).Must(v => v >= 0m && v <= 1m).WithMessage("A rate is a fraction from 0 to 1 (0.03 = 3 %).");
            RuleFor(r => r.Chargebacks!.CancelledLine).Must(v => v >= 0m && v <= 1m).WithMessage("A rate is a fraction from 0 to 1 (0.03 = 3 %).");
            RuleFor(r => r.Chargebacks!.WaiveAboveOnTimeRate).InclusiveBetween(0m, 1m).When(r => r.Chargebacks!.WaiveAboveOnTimeRate is not null).WithMessage("The waiver rate is a fraction from 0 to 1 (0.9 = 90 %).");
        });
        When(r => r.Rebates is not null, () =>
        {
            RuleFor(r => r.Rebates!.ByGrade).Custom((grades, context) =>
            {
                foreach (var (grade, rate) in grades?.ToDictionary() ?? new Dictionary<SupplierGrade, decimal>())
                {
                    if (rate is < -1m or > 1m)
                    {
                        context.AddFailure("Rebates.ByGrade", $"The rebate rate of grade {grade} is a fraction from -1 to 1.");
                    }
                }
            });
            RuleFor(r => r.Rebates!.VolumeTiers).Must(t => t is null || t.Count <= MaxVolumeTiers).WithMessage($"At most {MaxVolumeTiers} volume tiers.");
            RuleForEach(r => r.Rebates!.VolumeTiers).NotNull().WithMessage("A tier has fromAmount and rate.").ChildRules(tier =>
            {
                tier.RuleFor(t => t!.FromAmount).Must(v => v >= 0m && v <= 1_000_000_000_000m).WithMessage("A tier starts at an amount from 0.");
                tier.RuleFor(t => t!.Rate).Must(v => v >= -1m && v <= 1m).WithMessage("A rebate rate is a fraction from -1 to 1.");
            }).When(r => r.Rebates!.VolumeTiers is { Count: <= MaxVolumeTiers });
            RuleFor(r => r.Rebates!.VolumeTiers).Must(t => t is null || t.Where(x => x?.FromAmount is not null).Select(x => x!.FromAmount).Distinct().Count() == t.Count(x => x?.FromAmount is not null))
                .WithMessage("Each volume tier starts at a different amount.");
        });
        RuleFor(r => r.Catalogue).Must(c => c is null || c.Count <= SupplierTerms.MaxCatalogueItems).WithMessage($"At most {SupplierTerms.MaxCatalogueItems} catalogue items.");
        RuleForEach(r => r.Catalogue).NotNull().WithMessage("A catalogue item has sku and unitCost.").ChildRules(item =>
        {
            item.RuleFor(i => i!.Sku).Custom((sku, context) =>
            {
                if (!Sku.TryParse(sku, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            item.RuleFor(i => i!.UnitCost).Custom((cost, context) =>
            {
                if (UnitCost.Validate(cost) is { } error)
                {
                    context.AddFailure(error);
                }
            });
            item.RuleFor(i => i!.MinimumOrderQuantity).InclusiveBetween(1, PurchaseOrder.MaxUnitsPerLine).When(i => i!.MinimumOrderQuantity is not null).WithMessage($"A minimum order quantity is from 1 to {PurchaseOrder.MaxUnitsPerLine}.");
            item.RuleFor(i => i!.PackSize).InclusiveBetween(1, PurchaseOrder.MaxUnitsPerLine).When(i => i!.PackSize is not null).WithMessage($"A pack size is from 1 to {PurchaseOrder.MaxUnitsPerLine}.");
        }).When(r => r.Catalogue is { Count: <= SupplierTerms.MaxCatalogueItems });
        RuleFor(r => r.Catalogue).Custom((items, context) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i]?.Sku is { } sku && !seen.TryAdd(sku, i))
                {
                    context.AddFailure($"Catalogue[{i}].Sku", $"SKU {sku} is already listed at catalogue[{seen[sku]}].");
                }
            }
        });
    }

    /// <summary>True for a three-letter currency code.</summary>
    public static bool IsCurrency(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetter);
}
