using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// SKUs: pre-sale settings, the supply ledger, and on-hand stock adjustments. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class SkusFunctions(SkuSettingsHandler skuSettingsHandler, OrdersOptions ordersOptions, GetSupplyHandler getSupplyHandler, StockAdjustmentHandler stockAdjustmentHandler)
{
    [Function("GetSkuSettings")]
    [Tags("SKUs")]
    [EndpointSummary("Read a SKU's pre-sale settings")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSkuSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "skus/{sku}")] HttpRequest req, string sku, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        return await skuSettingsHandler.GetAsync(code, cancellationToken) is { } settings ? TypedResults.Ok(settings) : Problems.NotFound($"SKU {sku}", "sku");
    }

    [Function("PutSkuSettings")]
    [Tags("SKUs")]
    [EndpointSummary("Create or change a SKU's pre-sale settings")]
    [EndpointDescription("Pre-sale on/off, sale window, cap of units sellable beyond confirmed supply (0 = only confirmed supply), most units per order, handling days, cap lead days, category. 201 when the SKU is new.")]
    [Consumes(typeof(SkuSettingsRequest), "application/json")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> PutSkuSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "skus/{sku}")] HttpRequest req, string sku, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var body = await JsonBody.ReadAsync<SkuSettingsRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await skuSettingsHandler.PutAsync(code, body.Value!, cancellationToken) switch
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

    [Function("GetSkuSupply")]
    [Tags("SKUs")]
    [EndpointSummary("Read a SKU's supply ledger and reservations")]
    [ProducesResponseType<SupplyView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSkuSupplyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "skus/{sku}/supply")] HttpRequest req, string sku, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var (view, shopConfigured) = await getSupplyHandler.GetAsync(code, cancellationToken);
        return !shopConfigured ? Problems.ShopNotConfigured()
            : view is null ? Problems.NotFound($"SKU {sku}", "sku")
            : TypedResults.Ok(view);
    }

    [Function("AdjustStock")]
    [Tags("SKUs")]
    [EndpointSummary("Adjust on-hand stock")]
    [EndpointDescription("Adds (or removes, with a negative quantity) units on hand, with a reason. Send an Idempotency-Key header: a retry is applied once. On hand cannot drop below what orders hold against it.")]
    [IdempotencyKey(StatusCodes.Status200OK)]
    [Consumes(typeof(StockAdjustmentRequest), "application/json")]
    [ProducesResponseType<SupplyView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> AdjustStockAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "skus/{sku}/stock-adjustments")] HttpRequest req, string sku, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return Problems.Validation(FieldErrors.Single("sku", error!));
        }

        var key = IdempotencyHeader.Read(req);
        if (Identifier.Validate(key, "The Idempotency-Key header") is { } keyError)
        {
            return Problems.Validation(FieldErrors.Single(IdempotencyHeader.Key, keyError));
        }

        var body = await JsonBody.ReadAsync<StockAdjustmentRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        switch (await stockAdjustmentHandler.AdjustAsync(code, key!, body.Value!, cancellationToken))
        {
            case StockAdjustmentResult.Applied applied:
                IdempotencyHeader.MarkReplayed(req.HttpContext, applied.Replayed);
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
