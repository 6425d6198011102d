using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Adjusts a SKU's on-hand stock. The adjustment row (keyed by the idempotency key), the ledger and every shard are
/// written in one transaction, so a retried request is applied once and quotas always add up to the ledger.
/// </summary>
public sealed class StockAdjustmentHandler(SupplyStore supply, ShopSettingsStore shops, IValidator<StockAdjustmentRequest> validator, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>Applies the adjustment named by <paramref name="idempotencyKey"/> (a valid identifier).</summary>
    public async Task<StockAdjustmentResult> AdjustAsync(Sku sku, string idempotencyKey, StockAdjustmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new StockAdjustmentResult.Invalid(FieldErrors.From(validation));
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new StockAdjustmentResult.ShopNotConfigured();
        }

        var hash = RequestHash.Of("stock-adjustment:" + sku.Value, request);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return new StockAdjustmentResult.UnknownSku();
            }

            var ledger = state.Ledger.AdjustOnHand(request.Quantity!.Value, out var error);
            if (ledger is null)
            {
                return new StockAdjustmentResult.Invalid(FieldErrors.Single("quantity", error!));
            }

            var now = timeProvider.GetUtcNow();
            var row = new TableEntity(sku.Value, SupplyRows.Adjustment(idempotencyKey), new Dictionary<string, object?>
            {
                ["Quantity"] = request.Quantity.Value,
                ["Reason"] = request.Reason!.Value.ToString(),
                ["Note"] = request.Note,
                ["OnHandAfter"] = ledger.OnHand,
                ["RequestHash"] = hash,
                ["At"] = now,
            });
            switch (await supply.CommitAsync(state, ledger, [TableOperation.Insert(row)], cancellationToken).ConfigureAwait(false))
            {
                case LedgerWrite.CommittedWrite:
                    var after = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
                    return new StockAdjustmentResult.Applied(SupplyView.From(after!, shop, now), Replayed: false);
                case LedgerWrite.DuplicateWrite:
                    var existing = await supply.GetRowAsync(sku, SupplyRows.Adjustment(idempotencyKey), cancellationToken).ConfigureAwait(false);
                    return existing?.GetString("RequestHash") == hash
                        ? new StockAdjustmentResult.Applied(SupplyView.From(state, shop, now), Replayed: true)
                        : new StockAdjustmentResult.KeyReused();
                case LedgerWrite.BelowReservedWrite below when below.Key == SupplySource.OnHand.Key:
                    return new StockAdjustmentResult.BelowReserved(below.Reserved, below.Target);
                case LedgerWrite.BelowReservedWrite below:
                    throw new InvalidOperationException($"An on-hand adjustment left source {below.Key} of SKU {sku} below its reservations.");
                default:
                    continue;
            }
        }
    }
}
