using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>The shop's settings: time zone, currency, default handling days, locale.</summary>
public static class ShopApi
{
    internal static async Task<Results<Ok<ShopSettingsView>, ProblemHttpResult>> GetAsync(ShopSettingsStore shops, CancellationToken cancellationToken) =>
        await shops.GetAsync(cancellationToken) is { } settings
            ? TypedResults.Ok(ShopSettingsStore.ToView(settings))
            : Problems.NotFound("The shop's settings", "shop");

    internal static async Task<Results<Ok<ShopSettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(HttpContext context, ShopSettingsStore shops, IValidator<ShopSettingsRequest> validator, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ShopSettingsRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        var validation = await validator.ValidateAsync(body.Value!, cancellationToken);
        if (!validation.IsValid)
        {
            return Problems.Validation(FieldErrors.From(validation));
        }

        return TypedResults.Ok(ShopSettingsStore.ToView(await shops.PutAsync(body.Value!, cancellationToken)));
    }
}
