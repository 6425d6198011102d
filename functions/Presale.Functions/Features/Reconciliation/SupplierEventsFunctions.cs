using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Suppliers;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>The HTTP functions of <see cref="SupplierEventsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class SupplierEventsFunctions(SupplierLotEventHandler supplierLotEventHandler, SupplierWebhookAuthenticationFilter signatures, SupplierLotsQuery supplierLotsQuery)
{
    [Function("PostEtaUpdate")]
    [Tags("Supplier events")]
    [SupplierSignature]
    [EndpointSummary("A supplier's ETA update (signed)")]
    [EndpointDescription("New ETA (date or instant), optional short shipment per SKU, optional cancellation. Duplicate event ids and updates older than the lot's last applied event are acknowledged (200, outcome duplicate/stale) and change nothing. Affected SKUs are re-planned and their customers told.")]
    [Consumes(typeof(EtaUpdateRequest), "application/json")]
    [ProducesResponseType<SupplierWebhookAcknowledgement>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> PostEtaUpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/eta-updates")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await signatures.VerifyAsync(req.HttpContext) ?? await SupplierEventsApi.EtaUpdateAsync(supplierId, req.HttpContext, supplierLotEventHandler, cancellationToken);

    [Function("PostReceipt")]
    [Tags("Supplier events")]
    [SupplierSignature]
    [EndpointSummary("A supplier's goods receipt (signed)")]
    [EndpointDescription("Units received per SKU in one delivery; deliveries add up (short, over and split deliveries). Received units move from inbound to on hand and waiting orders become ready to ship.")]
    [Consumes(typeof(ReceiptRequest), "application/json")]
    [ProducesResponseType<SupplierWebhookAcknowledgement>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> PostReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/receipts")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await signatures.VerifyAsync(req.HttpContext) ?? await SupplierEventsApi.ReceiptAsync(supplierId, req.HttpContext, supplierLotEventHandler, cancellationToken);

    [Function("GetSupplierLots")]
    [Tags("Supplier events")]
    [EndpointSummary("The supplier's lots with the customer demand waiting on each")]
    [ProducesResponseType<IReadOnlyList<SupplierLotDemandView>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IResult> GetSupplierLotsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/lots")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SupplierEventsApi.ListLotsAsync(supplierId, supplierLotsQuery, cancellationToken);
}
