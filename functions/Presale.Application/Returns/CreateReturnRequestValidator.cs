using FluentValidation;
using Presale.Domain.Common;

namespace Presale.Application.Returns;

/// <summary>Validates the shape of <see cref="CreateReturnRequest"/>; every error names its field. Eligibility is the domain's.</summary>
public sealed class CreateReturnRequestValidator : AbstractValidator<CreateReturnRequest>
{
    /// <summary>The most units one line may ask to return.</summary>
    public const int MaxUnitsPerLine = 1000;

    /// <summary>The longest photo URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Creates the rules.</summary>
    public CreateReturnRequestValidator(ReturnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(r => r.OrderId).Must(v => Identifier.Validate(v, "An order id") is null).WithMessage(r => Identifier.Validate(r.OrderId, "An order id")!);
        RuleFor(r => r.CustomerId).Must(v => Identifier.Validate(v, "A customer id") is null).WithMessage(r => Identifier.Validate(r.CustomerId, "A customer id")!);
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A return names at least one line.")
            .Must(l => l is null || l.Count <= options.MaxItemsPerRequest).WithMessage($"A return names at most {options.MaxItemsPerRequest} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line is required.").ChildRules(line =>
        {
            line.RuleFor(l => l!.Sku).Must(s => Sku.TryParse(s, out _, out _))
                .WithMessage(l => Sku.TryParse(l!.Sku, out _, out var error) ? string.Empty : error!);
            line.RuleFor(l => l!.Quantity).NotNull().WithMessage("A quantity is required.")
                .InclusiveBetween(1, MaxUnitsPerLine).WithMessage($"A quantity is between 1 and {MaxUnitsPerLine}.");
            line.RuleFor(l => l!.Reason).NotNull().WithMessage("A reason is required.").IsInEnum().WithMessage("Unknown reason.");
            line.RuleFor(l => l!.StatedCondition).IsInEnum().WithMessage("Unknown condition grade (a, b, c, d).");
        }).When(r => r.Lines is not null && r.Lines.Count <= options.MaxItemsPerRequest);
        RuleFor(r => r.PhotoUrls).Must(p => p is null || p.Count <= options.MaxItemsPerRequest).WithMessage($"At most {options.MaxItemsPerRequest} photos.");
        RuleForEach(r => r.PhotoUrls).Must(IsPhotoUrl).WithMessage($"A photo URL is an absolute http or https URL of at most {MaxUrlLength} characters.")
            .When(r => r.PhotoUrls is not null && r.PhotoUrls.Count <= options.MaxItemsPerRequest);
    }

    private static bool IsPhotoUrl(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
