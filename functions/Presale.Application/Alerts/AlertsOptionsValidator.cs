using FluentValidation;
using Presale.Application.Common;

namespace Presale.Application.Alerts;

/// <summary>Checks <see cref="AlertsOptions"/>; every message names its setting (<c>Presale:Alerts:…</c>).</summary>
public sealed class AlertsOptionsValidator : AbstractValidator<AlertsOptions>
{
    /// <summary>Creates the rules.</summary>
    public AlertsOptionsValidator()
    {
        const string S = AlertsOptions.SectionName;
        RuleFor(o => o.AlertsTable).Must(OptionRules.IsTableName).WithMessage(o => $"{S}:{nameof(o.AlertsTable)} must be a table name: 3–63 letters or digits, starting with a letter (got '{o.AlertsTable}').");
        RuleFor(o => o.EventsTopic).Must(OptionRules.IsEntityName).WithMessage(o => $"{S}:{nameof(o.EventsTopic)} must be a queue or topic name: 1–63 lower-case letters, digits and single hyphens (got '{o.EventsTopic}').");
        RuleFor(o => o.OutboxGrace).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)).WithMessage($"{S}:{nameof(AlertsOptions.OutboxGrace)} must be between 00:00:01 and 01:00:00.");
    }
}
