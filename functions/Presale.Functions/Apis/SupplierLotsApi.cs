using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>Inbound lots registered against a supplier: the supply pre-sale promises are made from.</summary>
public static class SupplierLotsApi
{
    /// <summary>Maps <c>POST /api/suppliers/{supplierId}/lots</c> and <c>GET /api/suppliers/{supplierId}/lots/{lotId}</c>.</summary>
    public static IEndpointRouteBuilder MapSupplierLotsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/suppliers/{supplierId}/lots").WithTags("Supplier lots");
        group.MapPost("", RegisterAsync)
            .WithName("RegisterLot")
            .WithSummary("Register an inbound lot")
            .WithDescription("Lot id (unique per supplier), purchase-order reference, ETA (shop-local date) and lines of SKU and quantity. The units become sellable supply promised from the ETA. Posting the same lot again is harmless (200); a different lot under the same id is refused (409).")
            .Accepts<RegisterLotRequest>("application/json")
            .Produces<LotView>(StatusCodes.Status201Created)
            .Produces<LotView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{lotId}", GetAsync)
            .WithName("GetLot")
            .WithSummary("Read a lot with its ETA history")
            .Produces<LotView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<LotView>, Ok<LotView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(string supplierId, HttpContext context, LotRegistrationHandler handler, OrdersOptions options, CancellationToken cancellationToken)
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

    private static async Task<Results<Ok<LotView>, ProblemHttpResult>> GetAsync(string supplierId, string lotId, LotRegistrationHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(supplierId, lotId, cancellationToken) is { } lot
            ? TypedResults.Ok(lot)
            : Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId");
}
