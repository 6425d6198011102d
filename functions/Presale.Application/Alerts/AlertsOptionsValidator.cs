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
    }
}
