using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Suppliers;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// What suppliers send and read about their lots: signed ETA updates and goods receipts (<c>authLevel: anonymous</c>; the HMAC signature is the authentication), and the demand view of their lots. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class SupplierEventsFunctions(SupplierLotEventHandler supplierLotEventHandler, SupplierWebhookAuthenticationFilter signatures, SupplierLotsQuery supplierLotsQuery)
{
    [Function("PostEtaUpdate")]
    [Tags("Supplier events")]
    [SupplierSignature]
    [EndpointSummary("A supplier's ETA update (signed)")]
    [EndpointDescription("New ETA (date or instant), optional short shipment per SKU, optional cancellation. Duplicate event ids and updates older than the lot's last applied event are acknowledged (200, outcome duplicate/stale) and change nothing. Affected SKUs are re-planned and their customers told.")]
    [Consumes(typeof(EtaUpdateRequest), "application/json")]
    [ProducesResponseType<SupplierWebhookAcknowledgement>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> PostEtaUpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/eta-updates")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        if (await signatures.VerifyAsync(req.HttpContext) is { } unverified)
        {
            return unverified;
        }

        var body = JsonBody.Parse<EtaUpdateRequest>(req.HttpContext.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await supplierLotEventHandler.ApplyEtaUpdateAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    [Function("PostReceipt")]
    [Tags("Supplier events")]
    [SupplierSignature]
    [EndpointSummary("A supplier's goods receipt (signed)")]
    [EndpointDescription("Units received per SKU in one delivery; deliveries add up (short, over and split deliveries). Received units move from inbound to on hand and waiting orders become ready to ship.")]
    [Consumes(typeof(ReceiptRequest), "application/json")]
    [ProducesResponseType<SupplierWebhookAcknowledgement>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> PostReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/receipts")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        if (await signatures.VerifyAsync(req.HttpContext) is { } unverified)
        {
            return unverified;
        }

        var body = JsonBody.Parse<ReceiptRequest>(req.HttpContext.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await supplierLotEventHandler.ApplyReceiptAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    [Function("GetSupplierLots")]
    [Tags("Supplier events")]
    [EndpointSummary("The supplier's lots with the customer demand waiting on each")]
    [ProducesResponseType<IReadOnlyList<SupplierLotDemandView>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IResult> GetSupplierLotsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/lots")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await supplierLotsQuery.ListAsync(supplierId, cancellationToken));

    private static Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult> Answer(SupplierLotEventResult result, string supplierId, string? lotId) => result switch
    {
        SupplierLotEventResult.Acknowledged acknowledged => TypedResults.Ok(acknowledged.Acknowledgement),
        SupplierLotEventResult.Invalid invalid => Problems.Validation(invalid.Errors),
        SupplierLotEventResult.UnknownLot => Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId"),
        _ => Problems.ShopNotConfigured(),
    };
}
