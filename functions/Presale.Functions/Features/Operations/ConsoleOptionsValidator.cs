using FluentValidation;

namespace Presale.Functions.Features.Operations;

/// <summary>Checks <see cref="ConsoleOptions"/>; every message names its setting (<c>Presale:Console:…</c>).</summary>
public sealed class ConsoleOptionsValidator : AbstractValidator<ConsoleOptions>
{
    /// <summary>Creates the rules.</summary>
    public ConsoleOptionsValidator()
    {
        const string S = ConsoleOptions.SectionName;
        RuleFor(o => o.SessionKey).Must(k => k is null || ConsoleAccess.ReadKey(k) is { Length: >= 32 })
            .WithMessage($"{S}:{nameof(ConsoleOptions.SessionKey)} must be base64 of at least 32 bytes.");
        RuleFor(o => o.SessionLifetime).InclusiveBetween(TimeSpan.FromMinutes(5), TimeSpan.FromDays(7))
            .WithMessage($"{S}:{nameof(ConsoleOptions.SessionLifetime)} must be between 00:05:00 and 7.00:00:00.");
        RuleFor(o => o.OperatorRole).Must(r => r is null || r.Trim().Length is > 0 and <= 200)
            .WithMessage($"{S}:{nameof(ConsoleOptions.OperatorRole)} must be a role name (1–200 characters) or unset.");
    }
}
