using FluentValidation;
using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// Applies a supplier's signed acknowledgement of a purchase order (the signature is checked before, by
/// <see cref="Security.SupplierWebhookAuthenticator"/>, exactly as for ETA updates). The event ledger decides
/// duplicate and stale events in the supplier's partition of the purchasing table, with the order as the watermark's
/// key; an applied acknowledgement is one transaction there: the order under its ETag, the ledger rows, the
/// <c>purchase-order.acknowledged</c> event, the lot-sync marker and, when its last line is answered, removal of its
/// acknowledgement-due row. Then <see cref="PurchaseOrderFollowUp"/> registers and updates the lots (which re-plans
/// the waiting orders) and clears the unacknowledged alert; if that fails the answer is still "applied" and the sweep
/// finishes it. A refused acknowledgement changes nothing and is not recorded, so a corrected one may follow.
/// </summary>
public sealed partial class AcknowledgePurchaseOrderHandler(
    PurchaseOrderStore orders,
    SupplierEventLedger ledger,
    ShopSettingsStore shops,
    PurchaseOrderFollowUp followUp,
    OutboxEventPublisher events,
    IValidator<AcknowledgePurchaseOrderRequest> validator,
    TimeProvider timeProvider,
    ILogger<AcknowledgePurchaseOrderHandler> logger)
{
    private const int MaxAttempts = 16;

    /// <summary>Applies <paramref name="request"/> to purchase order <paramref name="purchaseOrderId"/> of <paramref name="supplierId"/>.</summary>
    public async Task<AcknowledgementResult> AcknowledgeAsync(string supplierId, string purchaseOrderId, AcknowledgePurchaseOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Identifier.Validate(supplierId, "A supplier id") is { } supplierError)
        {
            return new AcknowledgementResult.Invalid(FieldErrors.Single("supplierId", supplierError));
        }

        if (!PurchaseOrderId.TryParse(purchaseOrderId, out var id, out var idError))
        {
            return new AcknowledgementResult.Invalid(FieldErrors.Single("purchaseOrderId", idError!));
        }

        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new AcknowledgementResult.Invalid(FieldErrors.From(validation));
        }

        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return new AcknowledgementResult.ShopNotConfigured();
        }

        var accepted = new List<AcceptedLine>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < (request.Accepted?.Count ?? 0); i++)
        {
            var line = request.Accepted![i]!;
            if (SupplierLotEventHandler.ParseEta(line.Eta!, shop) is { } eta)
            {
                accepted.Add(new AcceptedLine(line.LineNumber!.Value, line.Quantity!.Value, eta));
            }
            else
            {
                errors[$"accepted[{i}].eta"] = ["A date (yyyy-MM-dd) or an ISO 8601 instant."];
            }
        }

        if (errors.Count > 0)
        {
            return new AcknowledgementResult.Invalid(errors);
        }

        var acknowledgement = new PurchaseOrderAcknowledgement(
            request.EventId!,
            request.SupplierTimestamp!.Value,
            accepted,
            [.. (request.Rejected ?? []).Select(r => new RejectedLine(r!.LineNumber!.Value, r.Reason))]);
        var supplierEvent = new SupplierEvent(supplierId, request.EventId!, id.Value, request.SupplierTimestamp.Value, SupplierEventKind.Acknowledgement);
        var partition = PurchasingRows.SupplierPartition(supplierId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await orders.GetAsync(supplierId, id.Value, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return new AcknowledgementResult.UnknownPurchaseOrder();
            }

            var decision = await ledger.DecideAsync(orders.Table, partition, supplierEvent, cancellationToken).ConfigureAwait(false);
            if (!decision.ShouldApply)
            {
                return new AcknowledgementResult.Acknowledged(SupplierWebhookAcknowledgement.For(request.EventId!, decision), PurchaseOrderView.From(stored.Order));
            }

            var order = stored.Order;
            var wasFullyAcknowledged = order.IsFullyAcknowledged;
            var now = timeProvider.GetUtcNow();
            var applied = order.Acknowledge(acknowledgement, shop.LocalDate(now), now);
            if (!applied.IsSuccess)
            {
                return new AcknowledgementResult.Invalid(Fields(applied.Errors, request));
            }

            var message = events.Message(() => PurchasingEvents.Acknowledged(order, request.EventId!, request.SupplierTimestamp!.Value, now));
            var operations = new List<TableOperation> { TableOperation.Replace(PurchaseOrderStore.Entity(order, stored.RequestHash, stored.AcknowledgementDueRow), stored.ETag) };
            operations.AddRange(decision.Operations);
            var markerIndex = operations.Count;
            operations.Add(PurchaseOrderFollowUp.Marker(supplierId, id, request.EventId!, now));
            if (message is not null)
            {
                operations.Add(OutboxEventPublisher.Row(partition, message));
            }

            if (!wasFullyAcknowledged && order.IsFullyAcknowledged && stored.AcknowledgementDueRow.Length > 0)
            {
                operations.Add(TableOperation.Delete(partition, stored.AcknowledgementDueRow, ETag.Any));
            }

            var result = await orders.SubmitAsync(operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                await events.TryPublishAsync(orders.Table, partition, message, cancellationToken).ConfigureAwait(false);
                try
                {
                    await followUp.RunAsync(supplierId, id.Value, result.ETags[markerIndex], cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogFollowUpLeft(logger, error, supplierId, id.Value, request.EventId!);
                }

                return new AcknowledgementResult.Acknowledged(SupplierWebhookAcknowledgement.For(request.EventId!, decision), PurchaseOrderView.From(order));
            }

            if (decision.LostRace(result, 1) || result is { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed })
            {
                continue;
            }

            throw new InvalidOperationException($"Applying acknowledgement {request.EventId} to purchase order {supplierId}/{id} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
        }

        throw new InvalidOperationException($"Applying acknowledgement {request.EventId} to purchase order {supplierId}/{id} met a concurrent change on each of {MaxAttempts} attempts.");
    }

    /// <summary>The request fields the domain's refusals concern (<c>accepted[2].quantity</c>, <c>rejected[0].lineNumber</c>).</summary>
    private static Dictionary<string, string[]> Fields(IReadOnlyList<PurchaseOrderError> errors, AcknowledgePurchaseOrderRequest request)
    {
        var accepted = (request.Accepted ?? []).Select(a => a?.LineNumber).ToList();
        var rejected = (request.Rejected ?? []).Select(r => r?.LineNumber).ToList();
        return errors
            .GroupBy(error => error.Code switch
            {
                PurchaseOrderErrorCode.NothingAcknowledged => "accepted",
                PurchaseOrderErrorCode.QuantityOutOfRange or PurchaseOrderErrorCode.CommitmentRaised => At("accepted", accepted, error.LineNumber, last: false) + ".quantity",
                PurchaseOrderErrorCode.EtaInPast => At("accepted", accepted, error.LineNumber, last: false) + ".eta",
                PurchaseOrderErrorCode.LineTwice => (At("rejected", rejected, error.LineNumber, last: true) ?? At("accepted", accepted, error.LineNumber, last: true)) + ".lineNumber",
                _ => (At("accepted", accepted, error.LineNumber, last: false) ?? At("rejected", rejected, error.LineNumber, last: false)) + ".lineNumber",
            }, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static string? At(string list, List<int?> numbers, int? lineNumber, bool last)
    {
        var index = last ? numbers.LastIndexOf(lineNumber) : numbers.IndexOf(lineNumber);
        return index < 0 ? null : $"{list}[{index}]";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledgement {EventId} of purchase order {SupplierId}/{PurchaseOrderId} is applied, but updating its lots or alert failed; the purchase-order sweep will finish it.")]
    private static partial void LogFollowUpLeft(ILogger logger, Exception error, string supplierId, string purchaseOrderId, string eventId);
}
