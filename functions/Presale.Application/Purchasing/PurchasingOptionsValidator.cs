using FluentValidation;
using Presale.Application.Common;

namespace Presale.Application.Purchasing;

/// <summary>Checks <see cref="PurchasingOptions"/>; every message names its setting (<c>Presale:Purchasing:…</c>).</summary>
public sealed class PurchasingOptionsValidator : AbstractValidator<PurchasingOptions>
{
    /// <summary>Creates the rules.</summary>
    public PurchasingOptionsValidator()
    {
        const string S = PurchasingOptions.SectionName;
        RuleFor(o => o.PurchasingTable).Must(OptionRules.IsTableName).WithMessage(o => $"{S}:{nameof(o.PurchasingTable)} must be a table name: 3–63 letters or digits, starting with a letter (got '{o.PurchasingTable}').");
        RuleFor(o => o.AcknowledgementDeadline).InclusiveBetween(TimeSpan.FromMinutes(5), TimeSpan.FromDays(30)).WithMessage($"{S}:{nameof(PurchasingOptions.AcknowledgementDeadline)} must be between 00:05:00 and 30.00:00:00.");
        RuleFor(o => o.SettlementPeriod).IsInEnum().WithMessage($"{S}:{nameof(PurchasingOptions.SettlementPeriod)} must be Monthly or Weekly.");
        RuleFor(o => o.StatementCloseDelay).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromDays(7)).WithMessage($"{S}:{nameof(PurchasingOptions.StatementCloseDelay)} must be between 00:00:00 and 7.00:00:00.");
        RuleFor(o => o.ClaimLookbackPeriods).InclusiveBetween(1, 24).WithMessage($"{S}:{nameof(PurchasingOptions.ClaimLookbackPeriods)} must be between 1 and 24.");
        RuleFor(o => o.ResourcingToleranceDays).InclusiveBetween(0, 60).WithMessage($"{S}:{nameof(PurchasingOptions.ResourcingToleranceDays)} must be between 0 and 60.");
        RuleFor(o => o.ResourcingMinimumOrders).InclusiveBetween(1, 10_000).WithMessage($"{S}:{nameof(PurchasingOptions.ResourcingMinimumOrders)} must be between 1 and 10000.");
        RuleFor(o => o.MaxRequestBodyBytes).InclusiveBetween(1024, 1024 * 1024).WithMessage($"{S}:{nameof(PurchasingOptions.MaxRequestBodyBytes)} must be between 1024 and 1048576.");
        RuleFor(o => o.SweepPageSize).InclusiveBetween(1, 1000).WithMessage($"{S}:{nameof(PurchasingOptions.SweepPageSize)} must be between 1 and 1000.");
        RuleFor(o => o.FollowUpGrace).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)).WithMessage($"{S}:{nameof(PurchasingOptions.FollowUpGrace)} must be between 00:00:01 and 01:00:00.");
    }
}
