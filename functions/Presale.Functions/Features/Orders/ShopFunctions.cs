using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>The HTTP functions of <see cref="ShopApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class ShopFunctions(ShopSettingsStore shopSettingsStore, IValidator<ShopSettingsRequest> shopSettingsRequest, OrdersOptions ordersOptions)
{
    [Function("GetShopSettings")]
    [Tags("Shop")]
    [EndpointSummary("Read the shop's settings")]
    [ProducesResponseType<ShopSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetShopSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "shop")] HttpRequest req, CancellationToken cancellationToken) =>
        await ShopApi.GetAsync(shopSettingsStore, cancellationToken);

    [Function("PutShopSettings")]
    [Tags("Shop")]
    [EndpointSummary("Save the shop's settings")]
    [EndpointDescription("Promise dates are dates in the shop's time zone; every order must be in the shop's currency.")]
    [Consumes(typeof(ShopSettingsRequest), "application/json")]
    [ProducesResponseType<ShopSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> PutShopSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "shop")] HttpRequest req, CancellationToken cancellationToken) =>
        await ShopApi.PutAsync(req.HttpContext, shopSettingsStore, shopSettingsRequest, ordersOptions, cancellationToken);
}
