using FluentValidation;
using Presale.Domain.Common;

namespace Presale.Application.Orders;

/// <summary>Validates <see cref="RecordShipmentRequest"/>; every error names its field.</summary>
public sealed class RecordShipmentRequestValidator : AbstractValidator<RecordShipmentRequest>
{
    /// <summary>The most lines a shipment may hold.</summary>
    public const int MaxLines = 50;

    /// <summary>Creates the rules.</summary>
    public RecordShipmentRequestValidator()
    {
        RuleFor(r => r.ShipmentId).Must(id => Identifier.Validate(id, "A shipment id") is null)
            .WithMessage(r => Identifier.Validate(r.ShipmentId, "A shipment id")!);
        RuleFor(r => r.ShippedOn).NotNull().WithMessage("The day the shipment left (shippedOn) is required.");
        RuleFor(r => r.DeliveredOn).GreaterThanOrEqualTo(r => r.ShippedOn).When(r => r.DeliveredOn is not null && r.ShippedOn is not null)
            .WithMessage("A shipment is delivered on or after the day it shipped.");
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A shipment holds at least one line.")
            .Must(l => l is null || l.Count <= MaxLines).WithMessage($"A shipment holds at most {MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("A line is required.").ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).Must(s => Sku.TryParse(s, out _, out _))
                .WithMessage(l => Sku.TryParse(l.Sku, out _, out var error) ? string.Empty : error!);
            line.RuleFor(l => l.Quantity).NotNull().WithMessage("A quantity is required.")
                .InclusiveBetween(1, 100_000).WithMessage("A shipment line ships 1 to 100000 units.");
        }).When(r => r.Lines is not null && r.Lines.Count <= MaxLines);
    }
}
