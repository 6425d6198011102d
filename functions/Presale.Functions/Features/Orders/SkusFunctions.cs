using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Catalog;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Functions.Apis;
using Presale.Functions.Apis.Http;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>The HTTP functions of <see cref="SkusApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class SkusFunctions(SkuSettingsHandler skuSettingsHandler, OrdersOptions ordersOptions, GetSupplyHandler getSupplyHandler, StockAdjustmentHandler stockAdjustmentHandler)
{
    [Function("GetSkuSettings")]
    [Tags("SKUs")]
    [EndpointSummary("Read a SKU's pre-sale settings")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSkuSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "skus/{sku}")] HttpRequest req, string sku, CancellationToken cancellationToken) =>
        await SkusApi.GetAsync(sku, skuSettingsHandler, cancellationToken);

    [Function("PutSkuSettings")]
    [Tags("SKUs")]
    [EndpointSummary("Create or change a SKU's pre-sale settings")]
    [EndpointDescription("Pre-sale on/off, sale window, cap of units sellable beyond confirmed supply (0 = only confirmed supply), most units per order, handling days, cap lead days, category. 201 when the SKU is new.")]
    [Consumes(typeof(SkuSettingsRequest), "application/json")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<SkuSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> PutSkuSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "skus/{sku}")] HttpRequest req, string sku, CancellationToken cancellationToken) =>
        await SkusApi.PutAsync(sku, req.HttpContext, skuSettingsHandler, ordersOptions, cancellationToken);

    [Function("GetSkuSupply")]
    [Tags("SKUs")]
    [EndpointSummary("Read a SKU's supply ledger and reservations")]
    [ProducesResponseType<SupplyView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSkuSupplyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "skus/{sku}/supply")] HttpRequest req, string sku, CancellationToken cancellationToken) =>
        await SkusApi.GetSupplyAsync(sku, getSupplyHandler, cancellationToken);

    [Function("AdjustStock")]
    [Tags("SKUs")]
    [EndpointSummary("Adjust on-hand stock")]
    [EndpointDescription("Adds (or removes, with a negative quantity) units on hand, with a reason. Send an Idempotency-Key header: a retry is applied once. On hand cannot drop below what orders hold against it.")]
    [IdempotencyKey(StatusCodes.Status200OK)]
    [Consumes(typeof(StockAdjustmentRequest), "application/json")]
    [ProducesResponseType<SupplyView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> AdjustStockAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "skus/{sku}/stock-adjustments")] HttpRequest req, string sku, CancellationToken cancellationToken) =>
        await SkusApi.AdjustAsync(sku, req.HttpContext, stockAdjustmentHandler, ordersOptions, cancellationToken);
}
