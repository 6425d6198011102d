using System.Globalization;
using Presale.Application.Outbox;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// Brings the inbound lots of a purchase order in line with its suppliers' answers, through the supply feature's own
/// paths, so promises are re-planned by the existing reconcile: every accepted line is registered as one lot with the
/// quantity and ETA of its first acceptance (<see cref="LotRegistrationHandler"/>, idempotent), and when a later
/// acknowledgement changed the line (ETA, fewer units, rejection) that answer is applied to the lot as an ETA update
/// with the event id <c>ack:{eventId}</c> and the acknowledgement's timestamp (<see cref="SupplierLotEventHandler"/>:
/// de-duplicated, and stale against a newer ETA update the supplier posted for the lot itself). Each run also sends the
/// lot's SKU a reconcile message (a stable id, so repeating it is harmless). Reads the order as it stands, so running
/// it again, late or twice, converges.
/// </summary>
public sealed class PurchaseOrderLotSync(LotRegistrationHandler lots, SupplierLotEventHandler events, SupplyChangedOutbox supplyOutbox, TimeProvider timeProvider)
{
    /// <summary>The event-id prefix of the lot updates an acknowledgement causes.</summary>
    public const string EventPrefix = "ack:";

    /// <summary>Registers and updates the lots of every accepted line of <paramref name="order"/>.</summary>
    /// <exception cref="InvalidOperationException">A lot could not be registered or updated (an operator registered another lot under its id, or the SKU is gone).</exception>
    public async Task SyncAsync(PurchaseOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (var line in order.Lines.Where(l => l.Commitment is not null))
        {
            var lotId = PurchaseOrderLots.LotId(order.Id, line.LineNumber);
            var commitment = line.Commitment!;
            var registered = await lots.RegisterAsync(
                order.SupplierId,
                new RegisterLotRequest(lotId, order.Id.Value, commitment.Eta, [new LotLineRequest(line.Sku.Value, commitment.Quantity)]),
                allowPastEta: true,
                cancellationToken).ConfigureAwait(false);
            if (registered is not LotRegistrationResult.Registered)
            {
                throw new InvalidOperationException($"Registering lot {order.SupplierId}/{lotId} of purchase order line {line.LineNumber} answered {registered}.");
            }

            if (line.Acknowledgement is { } latest && latest.EventId != commitment.EventId)
            {
                var accepted = latest.Answer == LineAnswer.Accepted;
                var update = await events.ApplyEtaUpdateAsync(
                    order.SupplierId,
                    new EtaUpdateRequest(
                        EventPrefix + latest.EventId,
                        latest.SupplierTimestamp,
                        lotId,
                        accepted ? latest.Eta!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                        accepted ? [new SupplierLotLineRequest(line.Sku.Value, latest.AcceptedQuantity)] : null,
                        accepted ? null : true,
                        $"purchase order {order.Id} acknowledgement {latest.EventId}"),
                    cancellationToken).ConfigureAwait(false);
                if (update is not SupplierLotEventResult.Acknowledged)
                {
                    throw new InvalidOperationException($"Updating lot {order.SupplierId}/{lotId} from acknowledgement {latest.EventId} answered {update}.");
                }
            }

            var message = SupplyChangedOutbox.Message(order.SupplierId, "po-lot|" + lotId, lotId, [line.Sku.Value], timeProvider.GetUtcNow());
            await supplyOutbox.PublishAsync(order.SupplierId, OutboxRows.RowKey(message), message, cancellationToken).ConfigureAwait(false);
        }
    }
}
