using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>The HTTP functions of <see cref="SupplierLotsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class SupplierLotsFunctions(LotRegistrationHandler lotRegistrationHandler, OrdersOptions ordersOptions)
{
    [Function("RegisterLot")]
    [Tags("Supplier lots")]
    [EndpointSummary("Register an inbound lot")]
    [EndpointDescription("Lot id (unique per supplier), purchase-order reference, ETA (shop-local date) and lines of SKU and quantity. The units become sellable supply promised from the ETA. Posting the same lot again is harmless (200); a different lot under the same id is refused (409).")]
    [Consumes(typeof(RegisterLotRequest), "application/json")]
    [ProducesResponseType<LotView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<LotView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> RegisterLotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers/{supplierId}/lots")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SupplierLotsApi.RegisterAsync(supplierId, req.HttpContext, lotRegistrationHandler, ordersOptions, cancellationToken);

    [Function("GetLot")]
    [Tags("Supplier lots")]
    [EndpointSummary("Read a lot with its ETA history")]
    [ProducesResponseType<LotView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetLotAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/lots/{lotId}")] HttpRequest req, string supplierId, string lotId, CancellationToken cancellationToken) =>
        await SupplierLotsApi.GetAsync(supplierId, lotId, lotRegistrationHandler, cancellationToken);
}
