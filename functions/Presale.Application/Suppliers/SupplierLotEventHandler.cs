using System.Globalization;
using Presale.Application.IntegrationEvents;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Suppliers;

/// <summary>
/// Applies a supplier's ETA updates and goods receipts to its lot. The lot row in the lots table is the record of what
/// the supplier said; one entity-group transaction in the supplier's partition writes the changed lot, the event
/// ledger's rows (de-duplication and the lot's watermark), one outbox row naming every affected SKU and, while units
/// are outstanding, the lot's <see cref="LotEtaIndex"/> row — a fixed number of operations however many lines the lot
/// has (<see cref="SupplyChangedOutbox"/> fans the outbox row out per SKU).
/// The SKUs' ledgers follow when those messages are reconciled (<c>ReconcileSku</c> brings each ledger up to date with
/// the lot rows, moving received units from inbound to on hand in one transaction per SKU partition).
/// An ETA update that puts customer dates at risk also writes its <c>supplier.lot-at-risk</c> integration event to the
/// supplier outbox in that transaction (<see cref="LotAtRiskEvents"/>; none while integration events are off).
/// </summary>
public sealed class SupplierLotEventHandler(
    ITableStore store,
    OrdersOptions options,
    SupplierEventLedger ledger,
    ShopSettingsStore shops,
    SupplyChangedOutbox outbox,
    TimeProvider timeProvider,
    LotAtRiskEvents lotAtRisk)
{
    /// <summary>Lot status once the supplier cancelled what was outstanding.</summary>
    public const string CancelledStatus = "cancelled";

    private const int MaxLines = RegisterLotRequestValidator.MaxLines;

    /// <summary>Applies an ETA update (new date, short shipment, cancellation).</summary>
    public async Task<SupplierLotEventResult> ApplyEtaUpdateAsync(string supplierId, EtaUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Common(supplierId, request.EventId, request.SupplierTimestamp, request.LotId);
        var cancelled = request.Cancelled ?? false;
        if (request.NewEta is null && !cancelled && request.Lines is not { Count: > 0 })
        {
            errors["newEta"] = ["The new ETA is required unless the update cancels the lot or changes quantities."];
        }

        Lines(request.Lines, required: false, allowZero: true, errors);
        if (request.Reason is { Length: > 500 })
        {
            errors["reason"] = ["At most 500 characters."];
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new SupplierLotEventResult.ShopNotConfigured();
        }

        DateOnly? newEta = null;
        if (request.NewEta is { } text)
        {
            newEta = ParseEta(text, shop);
            if (newEta is null)
            {
                errors["newEta"] = ["A date (yyyy-MM-dd) or an ISO 8601 instant."];
            }
        }

        if (errors.Count > 0)
        {
            return new SupplierLotEventResult.Invalid(errors);
        }

        var now = timeProvider.GetUtcNow();
        return await ApplyAsync(supplierId, new SupplierEvent(supplierId, request.EventId!, request.LotId!, request.SupplierTimestamp!.Value, SupplierEventKind.EtaUpdate), lot =>
        {
            var lines = lot.Lines.ToList();
            var affected = new HashSet<string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
            {
                var change = request.Lines![i];
                var index = lines.FindIndex(l => l.Sku == change.Sku);
                if (index < 0)
                {
                    errors[$"lines[{i}].sku"] = [$"Lot {lot.LotId} has no line for SKU {change.Sku}."];
                    continue;
                }

                var line = lines[index];
                if (change.Quantity > line.Quantity)
                {
                    errors[$"lines[{i}].quantity"] = [$"At most the {line.Quantity} units ordered; more units arrive as receipts."];
                    continue;
                }

                var cancelledUnits = Math.Max(0, line.Quantity - Math.Max(change.Quantity!.Value, line.Received));
                if (cancelledUnits != line.Cancelled)
                {
                    lines[index] = line with { Cancelled = cancelledUnits };
                    affected.Add(line.Sku);
                }
            }

            if (errors.Count > 0)
            {
                return (null, errors, affected);
            }

            var status = lot.Status;
            if (cancelled)
            {
                lines = [.. lines.Select(l => l with { Cancelled = Math.Max(0, l.Quantity - l.Received) })];
                status = CancelledStatus;
                affected.UnionWith(lines.Select(l => l.Sku));
            }

            var history = lot.EtaHistory.ToList();
            var eta = lot.Eta;
            if (newEta is { } date && date != lot.Eta)
            {
                eta = date;
                history.Add(new EtaChangeView(date, now, request.Reason is { Length: > 0 } reason ? $"{request.EventId}: {reason}" : request.EventId!));
                affected.UnionWith(lines.Select(l => l.Sku));
            }

            return (lot with { Eta = eta, Status = status, Lines = lines, EtaHistory = history }, errors, affected);
        }, receivedOn: null, now, delivery: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a goods receipt (split, short and over deliveries add up).</summary>
    public async Task<SupplierLotEventResult> ApplyReceiptAsync(string supplierId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Common(supplierId, request.EventId, request.SupplierTimestamp, request.LotId);
        Lines(request.Lines, required: true, allowZero: false, errors);
        if (errors.Count > 0)
        {
            return new SupplierLotEventResult.Invalid(errors);
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new SupplierLotEventResult.ShopNotConfigured();
        }

        var now = timeProvider.GetUtcNow();
        return await ApplyAsync(supplierId, new SupplierEvent(supplierId, request.EventId!, request.LotId!, request.SupplierTimestamp!.Value, SupplierEventKind.Receipt), lot =>
        {
            var lines = lot.Lines.ToList();
            var affected = new HashSet<string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < request.Lines!.Count; i++)
            {
                var receipt = request.Lines[i];
                var index = lines.FindIndex(l => l.Sku == receipt.Sku);
                if (index < 0)
                {
                    errors[$"lines[{i}].sku"] = [$"Lot {lot.LotId} has no line for SKU {receipt.Sku}."];
                    continue;
                }

                var received = (long)lines[index].Received + receipt.Quantity!.Value;
                if (received > SupplyLedger.MaxQuantity)
                {
                    errors[$"lines[{i}].quantity"] = [$"A lot line may receive at most {SupplyLedger.MaxQuantity} units in all."];
                    continue;
                }

                lines[index] = lines[index] with { Received = (int)received };
                affected.Add(receipt.Sku!);
            }

            return (errors.Count > 0 ? null : lot with { Lines = lines }, errors, affected);
        }, receivedOn: shop.LocalDate(now), now, [.. request.Lines!.Select(l => (l.Sku!, l.Quantity!.Value))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A date (<c>yyyy-MM-dd</c>, the shop's calendar) or an ISO 8601 instant converted to the shop's date; null when neither.</summary>
    internal static DateOnly? ParseEta(string text, ShopSettings shop)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? shop.LocalDate(instant)
            : null;
    }

    private static Dictionary<string, string[]> Common(string supplierId, string? eventId, DateTimeOffset? supplierTimestamp, string? lotId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Identifier.Validate(supplierId, "A supplier id") is { } supplierError)
        {
            errors["supplierId"] = [supplierError];
        }

        if (Identifier.Validate(eventId, "An event id") is { } eventError)
        {
            errors["eventId"] = [eventError];
        }

        if (Identifier.Validate(lotId, "A lot id") is { } lotError)
        {
            errors["lotId"] = [lotError];
        }

        if (supplierTimestamp is null)
        {
            errors["supplierTimestamp"] = ["The supplier's timestamp (ISO 8601 instant) is required."];
        }

        return errors;
    }

    private static void Lines(IReadOnlyList<SupplierLotLineRequest>? lines, bool required, bool allowZero, Dictionary<string, string[]> errors)
    {
        if (lines is null || lines.Count == 0)
        {
            if (required)
            {
                errors["lines"] = ["At least one line."];
            }

            return;
        }

        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"At most {MaxLines} lines."];
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors[$"lines[{i}]"] = ["A line is an object with sku and quantity."];
                continue;
            }

            if (!Sku.TryParse(line.Sku, out _, out var skuError))
            {
                errors[$"lines[{i}].sku"] = [skuError ?? "Not a SKU."];
            }
            else if (!seen.Add(line.Sku!))
            {
                errors[$"lines[{i}].sku"] = ["Each SKU appears on one line only."];
            }

            if (line.Quantity is not { } quantity || quantity < (allowZero ? 0 : 1) || quantity > SupplyLedger.MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"A whole number from {(allowZero ? 0 : 1)} to {SupplyLedger.MaxQuantity}."];
            }
        }
    }

    private async Task<SupplierLotEventResult> ApplyAsync(
        string supplierId,
        SupplierEvent supplierEvent,
        Func<LotView, (LotView? Lot, Dictionary<string, string[]> Errors, HashSet<string> Affected)> change,
        DateOnly? receivedOn,
        DateTimeOffset now,
        IReadOnlyList<(string Sku, int Units)>? delivery,
        CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(options.LotsTable, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= 16; attempt++)
        {
            var row = await store.GetAsync(options.LotsTable, supplierId, supplierEvent.LotId, cancellationToken).ConfigureAwait(false);
            if (row is null || row.GetString("PurchaseOrderReference") is null)
            {
                return new SupplierLotEventResult.UnknownLot();
            }

            var decision = await ledger.DecideAsync(options.LotsTable, supplierId, supplierEvent, cancellationToken).ConfigureAwait(false);
            if (!decision.ShouldApply)
            {
                return new SupplierLotEventResult.Acknowledged(SupplierWebhookAcknowledgement.For(supplierEvent.EventId, decision), []);
            }

            var (updated, errors, affected) = change(LotRows.Read(row));
            if (updated is null)
            {
                return new SupplierLotEventResult.Invalid(errors);
            }

            var entity = LotRows.Entity(updated, row.GetString("RequestHash") ?? string.Empty)
                .With("LastReceivedOn", receivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? row.GetString("LastReceivedOn"));
            var message = affected.Count > 0 ? SupplyChangedOutbox.Message(supplierId, supplierEvent.EventId, supplierEvent.LotId, affected, now) : null;
            var operations = new List<TableOperation> { TableOperation.Replace(entity, row.ETag) };
            operations.AddRange(decision.Operations);
            if (message is not null)
            {
                operations.Add(TableOperation.Insert(OutboxRows.Entity(supplierId, message)));
            }

            OutboxMessage? atRisk = null;
            if (await lotAtRisk.AssessAsync(LotRows.Read(row), updated, supplierEvent.EventId, now, cancellationToken).ConfigureAwait(false) is { } risk)
            {
                atRisk = IntegrationEventOutbox.Message(risk);
                operations.Add(TableOperation.Insert(OutboxRows.Entity(supplierId, atRisk)));
            }

            if (receivedOn is { } on && delivery is not null)
            {
                // Each delivery's day and units, for settlement (the lot row keeps only the totals).
                operations.Add(TableOperation.Insert(LotReceipts.Entity(supplierId, supplierEvent.LotId, supplierEvent.EventId, on, delivery, now)));
            }

            if (updated.Status == LotRows.Open && updated.Lines.Any(l => l.Received + l.Cancelled < l.Quantity))
            {
                // Where the overdue sweep looks for the lot once this ETA passes (idempotent; the old date's row is dropped by the sweep).
                operations.Add(LotEtaIndex.Upsert(supplierId, updated.LotId, updated.Eta));
            }

            var result = await store.SubmitTransactionAsync(options.LotsTable, operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                if (message is not null)
                {
                    await outbox.TryPublishAsync(supplierId, message, cancellationToken).ConfigureAwait(false);
                }

                if (atRisk is not null)
                {
                    await outbox.TryPublishAsync(supplierId, atRisk, cancellationToken).ConfigureAwait(false);
                }

                return new SupplierLotEventResult.Acknowledged(SupplierWebhookAcknowledgement.For(supplierEvent.EventId, decision), [.. affected.Order(StringComparer.Ordinal)]);
            }

            if (decision.LostRace(result, 1) || result is { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed })
            {
                continue;
            }

            throw new InvalidOperationException($"Applying event {supplierEvent.EventId} to lot {supplierId}/{supplierEvent.LotId} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
        }

        throw new InvalidOperationException($"Applying event {supplierEvent.EventId} to lot {supplierId}/{supplierEvent.LotId} met a concurrent change on every attempt.");
    }
}
