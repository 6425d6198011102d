using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// The shop's settings: time zone, currency, default handling days, locale. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class ShopFunctions(ShopSettingsStore shopSettingsStore, IValidator<ShopSettingsRequest> shopSettingsRequest, OrdersOptions ordersOptions)
{
    [Function("GetShopSettings")]
    [Tags("Shop")]
    [EndpointSummary("Read the shop's settings")]
    [ProducesResponseType<ShopSettingsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetShopSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "shop")] HttpRequest req, CancellationToken cancellationToken) =>
        await shopSettingsStore.GetAsync(cancellationToken) is { } settings
            ? TypedResults.Ok(ShopSettingsStore.ToView(settings))
            : Problems.NotFound("The shop's settings", "shop");

    [Function("PutShopSettings")]
    [Tags("Shop")]
    [EndpointSummary("Save the shop's settings")]
    [EndpointDescription("Promise dates are dates in the shop's time zone; every order must be in the shop's currency.")]
    [Consumes(typeof(ShopSettingsRequest), "application/json")]
    [ProducesResponseType<ShopSettingsView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    public async Task<IResult> PutShopSettingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "shop")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ShopSettingsRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var validation = await shopSettingsRequest.ValidateAsync(body.Value!, cancellationToken);
        if (!validation.IsValid)
        {
            return Problems.Validation(FieldErrors.From(validation));
        }

        return TypedResults.Ok(ShopSettingsStore.ToView(await shopSettingsStore.PutAsync(body.Value!, cancellationToken)));
    }
}
