using FluentValidation;
using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Records a shipment of an order (the shop's fulfilment facts: units shipped per line, shipped and delivered days),
/// idempotently by shipment id. The order row is rewritten with its ETag, so concurrent shipments of one order are
/// applied one after the other and never over-ship a line.
/// </summary>
public sealed class RecordShipmentHandler(OrderRepository orders, IValidator<RecordShipmentRequest> validator, RandomSource random)
{
    /// <summary>Records <paramref name="request"/> for <paramref name="orderId"/>.</summary>
    public async Task<RecordShipmentResult> RecordAsync(string orderId, RecordShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new RecordShipmentResult.Invalid(FieldErrors.From(validation));
        }

        var shipment = new Shipment(
            request.ShipmentId!,
            [.. request.Lines!.Select(l => new ShipmentLine(Sku.From(l.Sku!), l.Quantity!.Value))],
            request.ShippedOn!.Value,
            request.DeliveredOn);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new RecordShipmentResult.NotFound();
            }

            var result = stored.Order.RecordShipment(shipment);
            switch (result.Outcome)
            {
                case ShipmentOutcome.AlreadyRecorded:
                    return new RecordShipmentResult.Recorded(OrderFulfilmentView.From(stored.Order), Changed: false);
                case ShipmentOutcome.InvalidLines:
                    return new RecordShipmentResult.Invalid(FieldErrors.Single(result.Field ?? "lines", result.Message!));
                case ShipmentOutcome.NotShippable:
                    return new RecordShipmentResult.Conflict("order-not-shippable", result.Message!, stored.Order.Status.ToString());
                case ShipmentOutcome.ConflictingShipment:
                    return new RecordShipmentResult.Conflict("shipment-conflict", result.Message!, stored.Order.Status.ToString());
            }

            if (await orders.TryWriteShipmentsAsync(stored, cancellationToken).ConfigureAwait(false))
            {
                return new RecordShipmentResult.Recorded(OrderFulfilmentView.From(stored.Order), Changed: true);
            }
        }
    }
}
