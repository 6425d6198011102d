using FluentValidation;
using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>Validates <see cref="PlaceOrderRequest"/> on its own (SKU-dependent rules need the SKU and come later); every error names its field.</summary>
public sealed class PlaceOrderRequestValidator : AbstractValidator<PlaceOrderRequest>
{
    /// <summary>The highest unit price accepted.</summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>The highest shipping charge accepted: bounded like a unit price.</summary>
    public const decimal MaxShippingCharge = MaxUnitPrice;

    /// <summary>Creates the rules.</summary>
    public PlaceOrderRequestValidator(OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(r => r.CustomerId).Custom((id, context) =>
        {
            if (Identifier.Validate(id, "A customer id") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(r => r.Tier).NotNull().WithMessage("A customer tier is required (platinum, gold, silver or standard).")
            .IsInEnum().WithMessage("Unknown customer tier.");
        RuleFor(r => r.NotificationContact).NotNull().WithMessage("A notification contact is required.");
        RuleFor(r => r.NotificationContact!).ChildRules(contact =>
        {
            contact.RuleFor(c => c).Must(c => !string.IsNullOrEmpty(c.Email) || !string.IsNullOrEmpty(c.Phone))
                .WithMessage("Give an e-mail address or a phone number.").OverridePropertyName("Email");
            contact.RuleFor(c => c.Email).Custom((email, context) =>
            {
                if (!string.IsNullOrEmpty(email) && NotificationContact.ValidateEmail(email) is { } error)
                {
                    context.AddFailure(error);
                }
            });
            contact.RuleFor(c => c.Phone).Custom((phone, context) =>
            {
                if (!string.IsNullOrEmpty(phone) && NotificationContact.ValidatePhone(phone) is { } error)
                {
                    context.AddFailure(error);
                }
            });
        }).When(r => r.NotificationContact is not null);
        RuleFor(r => r.Lines).NotEmpty().WithMessage("An order has at least one line.")
            .Must(l => l is null || l.Count <= options.MaxLinesPerOrder).WithMessage($"An order has at most {options.MaxLinesPerOrder} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line is required.").ChildRules(line =>
        {
            OrderLineRules.AddSkuAndQuantityRules(line);
            line.RuleFor(l => l.UnitPrice).NotNull().WithMessage("A unit price is required.")
                .InclusiveBetween(0m, MaxUnitPrice).WithMessage($"A unit price is between 0 and {MaxUnitPrice}.")
                .PrecisionScale(16, 4, ignoreTrailingZeros: true).WithMessage("A unit price has at most 4 decimals.");
        }).When(r => r.Lines is not null && r.Lines.Count <= options.MaxLinesPerOrder);
        OrderLineRules.AddDistinctSkuRule(this, r => r.Lines);
        RuleFor(r => r.Currency).NotEmpty().WithMessage("A currency is required.")
            .Matches("^[A-Z]{3}$").WithMessage("A currency is an ISO 4217 code of three upper-case letters, e.g. EUR.");
        RuleFor(r => r.AcceptPreSaleTerms).Equal(true).WithMessage("The customer must accept the pre-sale terms.");
        RuleFor(r => r.ShippingCharge).Custom((charge, context) =>
        {
            if (charge is { } amount && ShippingChargeError(amount, context.InstanceToValidate.Currency) is { } error)
            {
                context.AddFailure(error);
            }
        });
    }

    // A charge is money the customer paid: within the bounds, and in whole minor units of the currency (cents, or
    // whole yen). An unknown or malformed currency is reported on its own field; cents are assumed for it here.
    private static string? ShippingChargeError(decimal amount, string? currency)
    {
        if (amount is < 0m or > MaxShippingCharge)
        {
            return $"A shipping charge is between 0 and {MaxShippingCharge}.";
        }

        var decimals = Currencies.MinorUnits(currency ?? string.Empty);
        return decimal.Round(amount, decimals) == amount
            ? null
            : decimals == 0 ? $"A shipping charge in {currency} is a whole amount (the currency has no minor units)." : $"A shipping charge has at most {decimals} decimals.";
    }
}
