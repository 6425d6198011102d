using FluentValidation;
using Presale.Domain.Common;

namespace Presale.Application.Suppliers;

/// <summary>Validates <see cref="CreateSupplierRequest"/>; property names map to the JSON fields (<c>contact.email</c>).</summary>
public sealed class CreateSupplierRequestValidator : AbstractValidator<CreateSupplierRequest>
{
    /// <summary>The longest display name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Creates the rules.</summary>
    public CreateSupplierRequestValidator()
    {
        RuleFor(r => r.Id).Custom((id, context) =>
        {
            if (Identifier.Validate(id, "id") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.Name).NotEmpty().WithMessage("name is required.")
            .MaximumLength(MaxNameLength).WithMessage($"name has at most {MaxNameLength} characters.");
        RuleFor(r => r.Contact).NotNull().WithMessage("contact is required (an email or a phone number).");
        When(r => r.Contact is not null, () =>
        {
            RuleFor(r => r.Contact!.Name).MaximumLength(MaxNameLength).WithMessage($"contact.name has at most {MaxNameLength} characters.");
            RuleFor(r => r.Contact!.Email)
                .Must(e => e is null || (e.Length <= 254 && e.IndexOf('@', StringComparison.Ordinal) > 0 && e.IndexOf('@', StringComparison.Ordinal) < e.Length - 1 && !e.Any(char.IsWhiteSpace)))
                .WithMessage("contact.email must be an email address (at most 254 characters).");
            RuleFor(r => r.Contact!.Phone)
                .Must(p => p is null || (p.Length is >= 3 and <= 40 && p.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')))
                .WithMessage("contact.phone must be a phone number (3–40 digits, spaces, '+', '-', '(', ')', '.').");
            RuleFor(r => r.Contact).Must(c => !string.IsNullOrWhiteSpace(c!.Email) || !string.IsNullOrWhiteSpace(c!.Phone))
                .WithMessage("contact needs an email or a phone number.");
        });
        RuleFor(r => r.DefaultLeadTimeDays).InclusiveBetween(0, 365).When(r => r.DefaultLeadTimeDays is not null)
            .WithMessage("defaultLeadTimeDays must be between 0 and 365.");
    }
}
