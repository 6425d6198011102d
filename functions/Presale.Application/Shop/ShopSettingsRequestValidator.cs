using System.Text.RegularExpressions;
using FluentValidation;
using Presale.Domain.Shop;

namespace Presale.Application.Shop;

/// <summary>Validates <see cref="ShopSettingsRequest"/>; every error names its field.</summary>
public sealed partial class ShopSettingsRequestValidator : AbstractValidator<ShopSettingsRequest>
{
    /// <summary>Creates the rules.</summary>
    public ShopSettingsRequestValidator()
    {
        RuleFor(r => r.TimeZone).Custom((zone, context) =>
        {
            if (zone is not null && ShopSettings.ValidateTimeZone(zone) is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.Currency).NotEmpty().WithMessage("A currency is required.")
            .Matches("^[A-Z]{3}$").WithMessage("A currency is an ISO 4217 code of three upper-case letters, e.g. EUR.");
        RuleFor(r => r.DefaultHandlingDays).NotNull().WithMessage("Default handling days are required.")
            .InclusiveBetween(0, ShopSettings.MaxHandlingDays).WithMessage($"Default handling days are between 0 and {ShopSettings.MaxHandlingDays}.");
        RuleFor(r => r.Locale).NotEmpty().WithMessage("A locale is required.")
            .Must(l => l is null || LocalePattern().IsMatch(l)).WithMessage("A locale is a BCP 47 tag, e.g. de-DE.");
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LocalePattern();
}
