using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Catalog;
using Presale.Domain.Common;

namespace Presale.Application.Catalog;

/// <summary>
/// Reads and saves SKU pre-sale settings. A new SKU gets its settings, an empty ledger holding the cap and its
/// allocation shards in one transaction; a change of settings rewrites ledger and shards with it (the cap is supply).
/// </summary>
public sealed class SkuSettingsHandler(SupplyStore supply, OrdersOptions options, IValidator<SkuSettingsRequest> validator, RandomSource random)
{
    /// <summary>The settings of <paramref name="sku"/>, or null for an unknown SKU.</summary>
    public async Task<SkuSettingsView?> GetAsync(Sku sku, CancellationToken cancellationToken)
    {
        var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
        return state is null ? null : SkuSettingsView.From(state.Settings);
    }

    /// <summary>Creates or replaces the settings of <paramref name="sku"/>.</summary>
    public async Task<SkuSettingsResult> PutAsync(Sku sku, SkuSettingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new SkuSettingsResult.Invalid(FieldErrors.From(validation));
        }

        var settings = new SkuSettings(
            sku,
            request.PreSaleEnabled!.Value,
            request.SaleFrom,
            request.SaleTo,
            request.Cap!.Value,
            request.MaxPerOrder!.Value,
            request.HandlingDays,
            request.CapLeadDays ?? SkuSettingsRequest.DefaultCapLeadDays,
            request.Category);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                if (await supply.CreateAsync(settings, options.AllocationShards, cancellationToken).ConfigureAwait(false))
                {
                    return new SkuSettingsResult.Saved(SkuSettingsView.From(settings), Created: true);
                }

                continue;
            }

            var write = await supply.CommitAsync(
                state,
                state.Ledger.WithCap(settings.Cap),
                [TableOperation.Replace(SupplyRows.SettingsEntity(settings), state.SettingsETag)],
                cancellationToken).ConfigureAwait(false);
            switch (write)
            {
                case LedgerWrite.CommittedWrite:
                    return new SkuSettingsResult.Saved(SkuSettingsView.From(settings), Created: false);
                case LedgerWrite.BelowReservedWrite below:
                    return new SkuSettingsResult.CapBelowReserved(below.Reserved);
                default:
                    continue;
            }
        }
    }
}
