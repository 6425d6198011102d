using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>Inbound lots registered against a supplier: the supply pre-sale promises are made from.</summary>
public static class SupplierLotsApi
{
    internal static async Task<Results<Created<LotView>, Ok<LotView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(string supplierId, HttpContext context, LotRegistrationHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RegisterLotRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return await handler.RegisterAsync(supplierId, body.Value!, cancellationToken) switch
        {
            LotRegistrationResult.Registered { Created: true } registered => TypedResults.Created($"/api/suppliers/{supplierId}/lots/{registered.Lot.LotId}", registered.Lot),
            LotRegistrationResult.Registered registered => TypedResults.Ok(registered.Lot),
            LotRegistrationResult.Invalid rejected => Problems.Validation(rejected.Errors),
            LotRegistrationResult.Conflict => Problems.Conflict(
                "lot-exists",
                "The supplier already has a different lot with this id.",
                "Lot ids are unique per supplier; changes to a lot (ETA, receipts) have their own routes.",
                new Dictionary<string, object?> { ["field"] = "lotId" }),
            _ => Problems.ShopNotConfigured(),
        };
    }

    internal static async Task<Results<Ok<LotView>, ProblemHttpResult>> GetAsync(string supplierId, string lotId, LotRegistrationHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(supplierId, lotId, cancellationToken) is { } lot
            ? TypedResults.Ok(lot)
            : Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId");
}
