using FluentValidation;
using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>Checks <see cref="PaymentsOptions"/>; every message names its setting (<c>Presale:Payments:…</c>).</summary>
public sealed class PaymentsOptionsValidator : AbstractValidator<PaymentsOptions>
{
    /// <summary>The most retries a shop may set.</summary>
    public const int MaxRetries = 10;

    /// <summary>Creates the rules.</summary>
    public PaymentsOptionsValidator()
    {
        const string S = PaymentsOptions.SectionName;
        RuleFor(o => o.DefaultPlan).IsInEnum().WithMessage($"{S}:{nameof(PaymentsOptions.DefaultPlan)} must be FullAtOrder, Deposit or PayOnShip.");
        RuleFor(o => o).Must(o => o.DefaultPlan != PaymentPlanKind.Deposit || (o.DepositPercent is null) != (o.DepositPerUnit is null))
            .WithName(nameof(PaymentsOptions.DefaultPlan))
            .WithMessage($"{S}:{nameof(PaymentsOptions.DefaultPlan)} Deposit needs exactly one of {S}:{nameof(PaymentsOptions.DepositPercent)} and {S}:{nameof(PaymentsOptions.DepositPerUnit)}.");
        RuleFor(o => o.DepositPercent).Must(p => p is null || (p > 0m && p <= PaymentPlan.MaxDepositPercent))
            .WithMessage($"{S}:{nameof(PaymentsOptions.DepositPercent)} must be above 0 and at most {PaymentPlan.MaxDepositPercent}.");
        RuleFor(o => o.DepositPerUnit).Must(a => a is null || a > 0m).WithMessage($"{S}:{nameof(PaymentsOptions.DepositPerUnit)} must be above 0.");
        RuleFor(o => o.RetryAfter).Must(r => r is null || (r.Length <= MaxRetries && r.All(t => t >= TimeSpan.FromMinutes(1) && t <= TimeSpan.FromDays(30))))
            .WithMessage($"{S}:{nameof(PaymentsOptions.RetryAfter)} must list at most {MaxRetries} waits, each between 00:01:00 and 30.00:00:00.");
        RuleFor(o => o.GracePeriod).InclusiveBetween(TimeSpan.FromHours(1), TimeSpan.FromDays(60))
            .WithMessage($"{S}:{nameof(PaymentsOptions.GracePeriod)} must be between 01:00:00 and 60.00:00:00.");
        RuleFor(o => o.UpdatePaymentUrlTemplate).Must(BeAnHttpsTemplate)
            .WithMessage($"{S}:{nameof(PaymentsOptions.UpdatePaymentUrlTemplate)} must be an absolute https URL containing {{orderId}}.");
        RuleFor(o => o.PaymentsTable).Matches("^[A-Za-z][A-Za-z0-9]{2,62}$")
            .WithMessage($"{S}:{nameof(PaymentsOptions.PaymentsTable)} must be a table name (3–63 letters and digits, starting with a letter).");
    }

    private static bool BeAnHttpsTemplate(string? template) =>
        template is null
        || (template.Contains("{orderId}", StringComparison.Ordinal)
        && Uri.TryCreate(template.Replace("{orderId}", "o", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps);
}
