using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Suppliers;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// What suppliers send and read about their lots: signed ETA updates and goods receipts (<c>authLevel: anonymous</c>;
/// the HMAC signature is the authentication), and the demand view of their lots.
/// </summary>
public static class SupplierEventsApi
{
    /// <summary>Maps <c>POST …/eta-updates</c>, <c>POST …/receipts</c> and <c>GET …/lots</c> under <c>/api/suppliers/{supplierId}</c>.</summary>
    public static IEndpointRouteBuilder MapSupplierEventsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/suppliers/{supplierId}").WithTags("Supplier events");
        group.MapPost("/eta-updates", EtaUpdateAsync)
            .RequireSupplierSignature()
            .WithName("PostEtaUpdate")
            .WithSummary("A supplier's ETA update (signed)")
            .WithDescription("New ETA (date or instant), optional short shipment per SKU, optional cancellation. Duplicate event ids and updates older than the lot's last applied event are acknowledged (200, outcome duplicate/stale) and change nothing. Affected SKUs are re-planned and their customers told.")
            .Accepts<EtaUpdateRequest>("application/json")
            .Produces<SupplierWebhookAcknowledgement>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/receipts", ReceiptAsync)
            .RequireSupplierSignature()
            .WithName("PostReceipt")
            .WithSummary("A supplier's goods receipt (signed)")
            .WithDescription("Units received per SKU in one delivery; deliveries add up (short, over and split deliveries). Received units move from inbound to on hand and waiting orders become ready to ship.")
            .Accepts<ReceiptRequest>("application/json")
            .Produces<SupplierWebhookAcknowledgement>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/lots", ListLotsAsync)
            .WithName("GetSupplierLots")
            .WithSummary("The supplier's lots with the customer demand waiting on each")
            .Produces<IReadOnlyList<SupplierLotDemandView>>();
        return app;
    }

    private static async Task<Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult>> EtaUpdateAsync(string supplierId, HttpContext context, SupplierLotEventHandler handler, CancellationToken cancellationToken)
    {
        var body = JsonBody.Parse<EtaUpdateRequest>(context.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await handler.ApplyEtaUpdateAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    private static async Task<Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult>> ReceiptAsync(string supplierId, HttpContext context, SupplierLotEventHandler handler, CancellationToken cancellationToken)
    {
        var body = JsonBody.Parse<ReceiptRequest>(context.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await handler.ApplyReceiptAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    private static async Task<Ok<IReadOnlyList<SupplierLotDemandView>>> ListLotsAsync(string supplierId, SupplierLotsQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListAsync(supplierId, cancellationToken));

    private static Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult> Answer(SupplierLotEventResult result, string supplierId, string? lotId) => result switch
    {
        SupplierLotEventResult.Acknowledged acknowledged => TypedResults.Ok(acknowledged.Acknowledgement),
        SupplierLotEventResult.Invalid invalid => Problems.Validation(invalid.Errors),
        SupplierLotEventResult.UnknownLot => Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId"),
        _ => Problems.ShopNotConfigured(),
    };
}
