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
                return await ReplayAsync(sku, idempotencyKey, hash, state, shop, cancellationToken).ConfigureAwait(false)
                    ?? new StockAdjustmentResult.Invalid(FieldErrors.Single("quantity", error!));
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
                    return await ReplayAsync(sku, idempotencyKey, hash, state, shop, cancellationToken).ConfigureAwait(false)
                        ?? new StockAdjustmentResult.KeyReused();
                case LedgerWrite.BelowReservedWrite below when below.Key == SupplySource.OnHand.Key:
                    return await ReplayAsync(sku, idempotencyKey, hash, state, shop, cancellationToken).ConfigureAwait(false)
                        ?? new StockAdjustmentResult.BelowReserved(below.Reserved, below.Target);
                case LedgerWrite.BelowReservedWrite below:
                    throw new InvalidOperationException($"An on-hand adjustment left source {below.Key} of SKU {sku} below its reservations.");
                default:
                    continue;
            }
        }
    }

    /// <summary>
    /// The answer for a key already used: the replayed adjustment when the stored one has the same request, KeyReused
    /// when it has another, null when the key is new. A retry is thus recognised even when applying it again would
    /// now be refused.
    /// </summary>
    private async Task<StockAdjustmentResult?> ReplayAsync(Sku sku, string idempotencyKey, string hash, SkuState state, Domain.Shop.ShopSettings shop, CancellationToken cancellationToken)
    {
        var existing = await supply.GetRowAsync(sku, SupplyRows.Adjustment(idempotencyKey), cancellationToken).ConfigureAwait(false);
        return existing is null ? null
            : existing.GetString("RequestHash") == hash ? new StockAdjustmentResult.Applied(SupplyView.From(state, shop, timeProvider.GetUtcNow()), Replayed: true)
            : new StockAdjustmentResult.KeyReused();
    }
}
