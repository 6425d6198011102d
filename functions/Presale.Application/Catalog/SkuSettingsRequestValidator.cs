using FluentValidation;
using Presale.Domain.Catalog;
using Presale.Domain.Shop;

namespace Presale.Application.Catalog;

/// <summary>Validates <see cref="SkuSettingsRequest"/>; every error names its field.</summary>
public sealed class SkuSettingsRequestValidator : AbstractValidator<SkuSettingsRequest>
{
    /// <summary>Creates the rules.</summary>
    public SkuSettingsRequestValidator()
    {
        RuleFor(r => r.PreSaleEnabled).NotNull().WithMessage("Say whether pre-sale is enabled.");
        RuleFor(r => r.SaleTo).Must((r, to) => to is null || r.SaleFrom is null || to > r.SaleFrom)
            .WithMessage("The sale window must end after it starts.");
        RuleFor(r => r.Cap).NotNull().WithMessage("A cap is required (0 = only confirmed supply).")
            .InclusiveBetween(0, SkuSettings.MaxCap).WithMessage($"A cap is between 0 and {SkuSettings.MaxCap}.");
        RuleFor(r => r.MaxPerOrder).NotNull().WithMessage("A maximum per order is required.")
            .InclusiveBetween(1, SkuSettings.MaxUnitsPerOrder).WithMessage($"A maximum per order is between 1 and {SkuSettings.MaxUnitsPerOrder}.");
        RuleFor(r => r.HandlingDays).InclusiveBetween(0, ShopSettings.MaxHandlingDays)
            .WithMessage($"Handling days are between 0 and {ShopSettings.MaxHandlingDays}.");
        RuleFor(r => r.CapLeadDays).InclusiveBetween(0, SkuSettings.MaxCapLeadDays)
            .WithMessage($"Cap lead days are between 0 and {SkuSettings.MaxCapLeadDays}.");
        RuleFor(r => r.Category).MaximumLength(50).WithMessage("A category has at most 50 characters.")
            .Matches("^[A-Za-z0-9][A-Za-z0-9 _.-]*$").WithMessage("A category holds letters, digits, spaces, '-', '_' and '.'.");
    }
}
