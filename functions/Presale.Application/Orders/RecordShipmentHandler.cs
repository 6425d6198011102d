using FluentValidation;
using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Records a shipment of an order (the shop's fulfilment facts: units shipped per line, shipped and delivered days),
/// idempotently by shipment id, and takes its units out of stock: the order records it pending under its ETag (so
/// concurrent shipments of one order never over-ship a line), then <see cref="ShipmentSaga"/> takes each line's units
/// off on hand and out of the line's reservation and settles it — shipped, or refused when on hand holds fewer units
/// than shipped (nothing taken: record the missing stock, then post the shipment again).
/// </summary>
public sealed class RecordShipmentHandler(OrderRepository orders, ShipmentSaga saga, OrdersOptions options, IValidator<RecordShipmentRequest> validator, RandomSource random, TimeProvider timeProvider)
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

        // From the order's first write on, the request's token is not passed: stock taken for a shipment the caller
        // stopped waiting for is settled all the same (or left to the sweeper), never abandoned half-way.
        var none = CancellationToken.None;
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new RecordShipmentResult.NotFound();
            }

            if (stored.SagaMarker is not null && stored.Order.Status == OrderStatus.Confirmed)
            {
                // A shipment is still taking or giving back its stock (perhaps this one, by a request that died):
                // settle it first, so a refused attempt is recorded again only once its stock is back.
                stored = await saga.FinishAsync(stored, none).ConfigureAwait(false);
            }

            var result = stored.Order.RecordShipment(shipment);
            switch (result.Outcome)
            {
                case ShipmentOutcome.InvalidLines:
                    return new RecordShipmentResult.Invalid(FieldErrors.Single(result.Field ?? "lines", result.Message!));
                case ShipmentOutcome.NotShippable:
                    return new RecordShipmentResult.Conflict("order-not-shippable", result.Message!, stored.Order.Status.ToString());
                case ShipmentOutcome.ConflictingShipment:
                    return new RecordShipmentResult.Conflict("shipment-conflict", result.Message!, stored.Order.Status.ToString());
                case ShipmentOutcome.Recorded or ShipmentOutcome.DeliveryRecorded:
                    var takesStock = stored.SagaMarker is not null || stored.Order.ShipmentRecords.Any(s => s.Stock == ShipmentStock.Pending);
                    var sweepDue = takesStock ? timeProvider.GetUtcNow() + options.ReleaseRetryDelay : (DateTimeOffset?)null;
                    if (await orders.TryWriteShipmentsAsync(stored, sweepDue, [], none).ConfigureAwait(false) is not { } written)
                    {
                        continue;
                    }

                    stored = written;
                    break;
            }

            var settled = await saga.FinishAsync(stored, none).ConfigureAwait(false);
            var recorded = settled.Order.ShipmentRecords.First(s => s.Id == shipment.Id);
            return recorded.Stock switch
            {
                ShipmentStock.Taken => new RecordShipmentResult.Recorded(OrderFulfilmentView.From(settled.Order), result.Changed),
                ShipmentStock.Refused => new RecordShipmentResult.Conflict("insufficient-stock", recorded.Refusal!, settled.Order.Status.ToString()),
                _ => throw new InvalidOperationException($"Shipment {shipment.Id} of order {orderId} is still taking its stock after it was settled."),
            };
        }
    }
}
