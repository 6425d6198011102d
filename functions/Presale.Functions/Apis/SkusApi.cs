using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>SKUs: pre-sale settings, the supply ledger, and on-hand stock adjustments.</summary>
public static class SkusApi
{
    internal static async Task<Results<Ok<SkuSettingsView>, ValidationProblem, ProblemHttpResult>> GetAsync(string sku, SkuSettingsHandler handler, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        return await handler.GetAsync(code, cancellationToken) is { } settings ? TypedResults.Ok(settings) : Problems.NotFound($"SKU {sku}", "sku");
    }

    internal static async Task<Results<Created<SkuSettingsView>, Ok<SkuSettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(string sku, HttpContext context, SkuSettingsHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var body = await JsonBody.ReadAsync<SkuSettingsRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return await handler.PutAsync(code, body.Value!, cancellationToken) switch
        {
            SkuSettingsResult.Saved { Created: true } saved => TypedResults.Created($"/api/skus/{sku}", saved.Settings),
            SkuSettingsResult.Saved saved => TypedResults.Ok(saved.Settings),
            SkuSettingsResult.Invalid rejected => Problems.Validation(rejected.Errors),
            SkuSettingsResult.CapBelowReserved below => Problems.Conflict(
                "cap-below-reserved",
                "The cap is below what is already sold from it.",
                $"{below.Reserved} units are reserved against the cap; the cap cannot be lower.",
                new Dictionary<string, object?> { ["field"] = "cap", ["reserved"] = below.Reserved }),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    internal static async Task<Results<Ok<SupplyView>, ValidationProblem, ProblemHttpResult>> GetSupplyAsync(string sku, GetSupplyHandler handler, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var (view, shopConfigured) = await handler.GetAsync(code, cancellationToken);
        return !shopConfigured ? Problems.ShopNotConfigured()
            : view is null ? Problems.NotFound($"SKU {sku}", "sku")
            : TypedResults.Ok(view);
    }

    internal static async Task<Results<Ok<SupplyView>, ValidationProblem, ProblemHttpResult>> AdjustAsync(string sku, HttpContext context, StockAdjustmentHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var key = IdempotencyHeader.Read(context.Request);
        if (Identifier.Validate(key, "The Idempotency-Key header") is { } keyError)
        {
            return Problems.Validation(FieldErrors.Single(IdempotencyHeader.Key, keyError));
        }

        var body = await JsonBody.ReadAsync<StockAdjustmentRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        switch (await handler.AdjustAsync(code, key!, body.Value!, cancellationToken))
        {
            case StockAdjustmentResult.Applied applied:
                IdempotencyHeader.MarkReplayed(context, applied.Replayed);
                return TypedResults.Ok(applied.Supply);
            case StockAdjustmentResult.Invalid rejected:
                return Problems.Validation(rejected.Errors);
            case StockAdjustmentResult.UnknownSku:
                return Problems.NotFound($"SKU {sku}", "sku");
            case StockAdjustmentResult.BelowReserved below:
                return Problems.Conflict(
                    "stock-below-reserved",
                    "On hand would drop below what orders hold.",
                    $"{below.Reserved} units on hand are reserved by orders; on hand cannot become {below.OnHandAfter}.",
                    new Dictionary<string, object?> { ["field"] = "quantity", ["reserved"] = below.Reserved });
            case StockAdjustmentResult.KeyReused:
                return Problems.KeyReused();
            default:
                return Problems.ShopNotConfigured();
        }
    }
}
