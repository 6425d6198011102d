using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Inbound lots registered against a supplier: the supply pre-sale promises are made from. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class SupplierLotsFunctions(LotRegistrationHandler lotRegistrationHandler, OrdersOptions ordersOptions)
{
    [Function("RegisterLot")]
    [Tags("Supplier lots")]
    [EndpointSummary("Register an inbound lot")]
    [EndpointDescription("Lot id (unique per supplier), purchase-order reference, ETA (shop-local date) and lines of SKU and quantity. The units become sellable supply promised from the ETA. Posting the same lot again is harmless (200); a different lot under the same id is refused (409).")]
    [Consumes(typeof(RegisterLotRequest), "application/json")]
    [ProducesResponseType<LotView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<LotView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> RegisterLotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers/{supplierId}/lots")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RegisterLotRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await lotRegistrationHandler.RegisterAsync(supplierId, body.Value!, cancellationToken) switch
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

    [Function("GetLot")]
    [Tags("Supplier lots")]
    [EndpointSummary("Read a lot with its ETA history")]
    [ProducesResponseType<LotView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetLotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/lots/{lotId}")] HttpRequest req, string supplierId, string lotId, CancellationToken cancellationToken) =>
        await lotRegistrationHandler.GetAsync(supplierId, lotId, cancellationToken) is { } lot
            ? TypedResults.Ok(lot)
            : Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId");
}
