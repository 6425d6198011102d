using FluentValidation;

namespace Presale.Application.Kpis;

/// <summary>Checks <see cref="KpiOptions"/>; every message names its setting (<c>Presale:Kpis:…</c>).</summary>
public sealed class KpiOptionsValidator : AbstractValidator<KpiOptions>
{
    /// <summary>Creates the rules.</summary>
    public KpiOptionsValidator()
    {
        const string S = KpiOptions.SectionName;
        RuleFor(o => o.KpisTable).Matches("^[A-Za-z][A-Za-z0-9]{2,62}$").WithMessage($"{S}:{nameof(KpiOptions.KpisTable)} must be a table name (3–63 letters and digits, starting with a letter).");
        RuleFor(o => o.ActiveCustomerDays).InclusiveBetween(1, 3650).WithMessage($"{S}:{nameof(KpiOptions.ActiveCustomerDays)} must be between 1 and 3650.");
        RuleFor(o => o.DiscountRate).InclusiveBetween(0m, 1m).WithMessage($"{S}:{nameof(KpiOptions.DiscountRate)} must be between 0 and 1.");
        RuleFor(o => o.CustomerLifespanYears).InclusiveBetween(0m, 50m).WithMessage($"{S}:{nameof(KpiOptions.CustomerLifespanYears)} must be between 0 and 50.");
        RuleFor(o => o.MaxRangeDays).InclusiveBetween(1, 3660).WithMessage($"{S}:{nameof(KpiOptions.MaxRangeDays)} must be between 1 and 3660.");
        RuleFor(o => o.DefaultRangeDays).Must((o, d) => d >= 1 && d <= o.MaxRangeDays).WithMessage($"{S}:{nameof(KpiOptions.DefaultRangeDays)} must be between 1 and {S}:{nameof(KpiOptions.MaxRangeDays)}.");
        RuleFor(o => o.OverviewSkus).InclusiveBetween(1, 500).WithMessage($"{S}:{nameof(KpiOptions.OverviewSkus)} must be between 1 and 500.");
    }
}
