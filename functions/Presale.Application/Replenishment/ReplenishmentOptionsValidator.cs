using FluentValidation;

namespace Presale.Application.Replenishment;

/// <summary>Checks <see cref="ReplenishmentOptions"/>; every message names its setting (<c>Presale:Replenishment:…</c>).</summary>
public sealed class ReplenishmentOptionsValidator : AbstractValidator<ReplenishmentOptions>
{
    /// <summary>Creates the rules.</summary>
    public ReplenishmentOptionsValidator()
    {
        const string S = ReplenishmentOptions.SectionName;
        RuleFor(o => o.ServiceLevelZ).Must(z => z is >= 0 and <= 5).WithMessage($"{S}:{nameof(ReplenishmentOptions.ServiceLevelZ)} must be between 0 and 5.");
        RuleFor(o => o.DemandLookbackDays).InclusiveBetween(1, 365).WithMessage($"{S}:{nameof(ReplenishmentOptions.DemandLookbackDays)} must be between 1 and 365.");
        RuleFor(o => o.LeadTimePercentile).Must(p => p is > 0 and <= 1).WithMessage($"{S}:{nameof(ReplenishmentOptions.LeadTimePercentile)} must be above 0 and at most 1.");
        RuleFor(o => o.LeadTimeLookbackLots).InclusiveBetween(1, 1000).WithMessage($"{S}:{nameof(ReplenishmentOptions.LeadTimeLookbackLots)} must be between 1 and 1000.");
        RuleFor(o => o.LeadTimeMinimumLots).Must((o, n) => n >= 1 && n <= o.LeadTimeLookbackLots).WithMessage($"{S}:{nameof(ReplenishmentOptions.LeadTimeMinimumLots)} must be between 1 and {S}:{nameof(ReplenishmentOptions.LeadTimeLookbackLots)}.");
        RuleFor(o => o.DefaultLeadTimeDays).InclusiveBetween(0, 365).WithMessage($"{S}:{nameof(ReplenishmentOptions.DefaultLeadTimeDays)} must be between 0 and 365.");
    }
}
