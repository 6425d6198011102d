using System.Text.Json;
using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Returns;

/// <summary>
/// Does what the returns outbox rows ask, then removes the rows: publishes notifications, restocks units (a stock
/// adjustment with reason <see cref="StockAdjustmentReason.Return"/> keyed by the unit, so it is applied once, then a
/// reconcile message for the SKU), records supplier claims (upsert by claim id), gives a cancelled return's units
/// back to its order and publishes integration events (<c>return.received</c>) to the event topic. Right after a change the handler
/// runs its rows at once; the triage timer sweeps rows left behind by a process that died or a broker that failed.
/// </summary>
public sealed partial class ReturnEffectProcessor(
    ITableStore store,
    ReturnRepository returns,
    ReturnsOptions options,
    OrdersOptions orders,
    OrderRepository orderRepository,
    StockAdjustmentHandler stock,
    IMessagePublisher publisher,
    IIntegrationEventPublisher events,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<ReturnEffectProcessor> logger)
{
    private readonly TableBootstrap _tables = new(store, [options.SupplierClaimsTable]);

    /// <summary>Runs <paramref name="effects"/> of a change just committed; a failure is logged and left to the sweep.</summary>
    public async Task TryRunAsync(string partition, IReadOnlyList<ReturnEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        foreach (var effect in effects)
        {
            try
            {
                await RunAsync(partition, effect, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogLeftForSweep(logger, error, effect.Id);
            }
        }
    }

    /// <summary>
    /// Runs every outbox row older than the grace period, reading each partition's outbox range in pages of
    /// <see cref="ReturnsOptions.TriagePageSize"/>. Each row is on its own: a row that cannot be read or done is logged
    /// (partition, row, effect and return ids), counted and left for the next sweep, and the sweep goes on.
    /// </summary>
    public async Task<ReturnSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow() - options.OutboxGrace;
        var (done, failed) = (0, 0);
        foreach (var partition in ReturnIds.Partitions)
        {
            string? after = null;
            while (true)
            {
                var page = await returns.PendingEffectsPageAsync(partition, before, after, options.TriagePageSize, cancellationToken).ConfigureAwait(false);
                foreach (var row in page)
                {
                    try
                    {
                        await RunAsync(partition, ReturnRows.ReadOutbox(row), cancellationToken).ConfigureAwait(false);
                        done++;
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        failed++;
                        LogSweepFailed(logger, error, partition, row.RowKey, row.GetString("EffectId"), row.GetString("CorrelationId"));
                    }
                }

                if (page.Count < options.TriagePageSize)
                {
                    break;
                }

                // Rows done are deleted, rows that failed stay: continue after the last row seen either way.
                after = page[^1].RowKey;
            }
        }

        return new ReturnSweepResult(done, failed);
    }

    /// <summary>Does one effect and removes its row; throws when it could not be done.</summary>
    public async Task RunAsync(string partition, ReturnEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        switch (effect.Kind)
        {
            case ReturnEffectKind.Publish:
                await publisher.PublishAsync(effect.Target, new OutboundMessage(effect.Id, effect.Body, effect.CorrelationId, effect.Subject), cancellationToken).ConfigureAwait(false);
                break;
            case ReturnEffectKind.Restock:
                await RestockAsync(effect, cancellationToken).ConfigureAwait(false);
                break;
            case ReturnEffectKind.SupplierClaim:
                await RecordClaimAsync(effect, cancellationToken).ConfigureAwait(false);
                break;
            case ReturnEffectKind.ReleaseUnits:
                await ReleaseUnitsAsync(effect.Target, effect.Body, cancellationToken).ConfigureAwait(false);
                break;
            case ReturnEffectKind.IntegrationEvent:
                await events.PublishAsync(IntegrationEvent.FromStored(effect.Body), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Outbox row {effect.Id} has an unknown kind {effect.Kind}.");
        }

        await returns.CompleteEffectAsync(partition, effect, cancellationToken).ConfigureAwait(false);
    }

    private async Task RestockAsync(ReturnEffect effect, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<ReturnRestockedMessage>(effect.Body, PresaleJson.Options)
            ?? throw new FormatException($"Outbox row {effect.Id} has no body.");
        var sku = Sku.From(effect.Target);
        var key = $"return-{message.ReturnId}-{message.UnitId}";
        var request = new StockAdjustmentRequest(1, StockAdjustmentReason.Return, $"Unit {message.UnitId} of return {message.ReturnId} restocked.");
        switch (await stock.AdjustAsync(sku, key, request, cancellationToken).ConfigureAwait(false))
        {
            case StockAdjustmentResult.Applied:
                break;
            case StockAdjustmentResult.UnknownSku:
                // Nothing to add the unit to: the SKU's supply was never set up. Nothing to reconcile either.
                LogUnknownSku(logger, message.UnitId, message.ReturnId);
                return;
            case var other:
                throw new InvalidOperationException($"Restocking unit {message.UnitId} of return {message.ReturnId} was refused: {other}.");
        }

        // Published only after the stock is committed, so the consumer re-reads supply that already holds the unit.
        await publisher.PublishAsync(orders.ReconcileQueue, new OutboundMessage(effect.Id, effect.Body, effect.CorrelationId, effect.Subject), cancellationToken).ConfigureAwait(false);
    }

    // Removes a cancelled return from its order's returned units (ETag-guarded like the intake that added it); a return
    // not listed is already released.
    private async Task ReleaseUnitsAsync(string orderId, string returnId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var units = await returns.GetReturnedUnitsAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (!units.ByReturn.Remove(returnId) || await returns.TryWriteReturnedUnitsAsync(units, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task RecordClaimAsync(ReturnEffect effect, CancellationToken cancellationToken)
    {
        var claim = JsonSerializer.Deserialize<SupplierClaimRecord>(effect.Body, PresaleJson.Options)
            ?? throw new FormatException($"Outbox row {effect.Id} has no body.");
        if (claim.LotId is null && await orderRepository.GetAsync(claim.OrderId, cancellationToken).ConfigureAwait(false) is { } order
            && order.Order.Lines.FirstOrDefault(l => l.Sku.Value == claim.Sku)?.Promise?.Source is { Kind: SupplyKind.Lot } source
            && source.SupplierId == claim.SupplierId)
        {
            claim = claim with { LotId = source.LotId };
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(claim.SupplierId, claim.ClaimId, new Dictionary<string, object?>
        {
            ["LotId"] = claim.LotId,
            ["ReturnId"] = claim.ReturnId,
            ["OrderId"] = claim.OrderId,
            ["UnitId"] = claim.UnitId,
            ["Sku"] = claim.Sku,
            ["Reason"] = claim.Reason,
            ["Grade"] = claim.Grade,
            ["UnitValue"] = claim.UnitValue,
            ["Currency"] = claim.Currency,
            ["WarrantyUntil"] = claim.WarrantyUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["DecidedBy"] = claim.DecidedBy,
            ["CreatedAt"] = claim.CreatedAt,
        });
        var result = await store.SubmitTransactionAsync(
            options.SupplierClaimsTable,
            [TableOperation.UpsertReplace(entity), TableOperation.UpsertReplace(SupplierClaimDays.Entity(claim))],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Recording supplier claim {claim.ClaimId} failed with {result.FailureStatus}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {EffectId} of a return could not be done now; the triage timer's sweep will do it.")]
    private static partial void LogLeftForSweep(ILogger logger, Exception error, string effectId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowKey} in returns partition {Partition} (effect {EffectId}, return {ReturnId}) failed; it stays for the next sweep.")]
    private static partial void LogSweepFailed(ILogger logger, Exception error, string partition, string rowKey, string? effectId, string? returnId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {UnitId} of return {ReturnId} was decided restock, but its SKU has no supply to add it to.")]
    private static partial void LogUnknownSku(ILogger logger, string unitId, string returnId);
}
