using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Purchasing;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Purchase orders: the shop places them (operators, function key), the supplier reads its open ones and acknowledges
/// each with a signed webhook (<c>Presale-Signature</c>, checked by <see cref="SupplierWebhookAuthenticationFilter"/> as for
/// ETA updates). Each function only translates HTTP to its use case.
/// </summary>
public sealed class PurchaseOrdersFunctions(
    CreatePurchaseOrderHandler create,
    AcknowledgePurchaseOrderHandler acknowledge,
    SupplierPurchaseOrdersQuery supplierOrders,
    SupplierWebhookAuthenticationFilter signatures,
    PurchasingOptions options)
{
    /// <summary><c>POST /api/purchase-orders</c>: 201 with the order, 200 for the same order posted again, 400 naming the field, 409 without terms, for another order under the id, or without shop settings.</summary>
    [Function("CreatePurchaseOrder")]
    [Tags("Purchasing")]
    [EndpointSummary("Place a purchase order with a supplier, by hand or from a replenishment suggestion")]
    [EndpointDescription("Lines take the supplier's catalogue cost when they name none; without a requestedDeliveryDate each line asks for the day its SKU's earliest promise without confirmed supply needs the goods (less handling days), else today plus the supplier's real lead time. Idempotent by id: the same body again answers 200 with the stored order, another body under the id is 409. The supplier is alerted for (PurchaseOrderUnacknowledged) if it does not answer within Presale:Purchasing:AcknowledgementDeadline.")]
    [Consumes(typeof(CreatePurchaseOrderRequest), "application/json")]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> CreatePurchaseOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "purchase-orders")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await JsonBody.ReadAsync<CreatePurchaseOrderRequest>(req, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await create.CreateAsync(body.Value!, cancellationToken) switch
        {
            CreatePurchaseOrderResult.Placed { Created: true } placed => TypedResults.Created(Location(placed.Order), placed.Order),
            CreatePurchaseOrderResult.Placed placed => TypedResults.Ok(placed.Order),
            CreatePurchaseOrderResult.Invalid errors => Problems.Validation(errors.Errors),
            CreatePurchaseOrderResult.NoTerms none => NoTerms(none.SupplierId),
            CreatePurchaseOrderResult.Conflict conflict => PurchaseOrderExists(conflict.PurchaseOrderId),
            _ => Problems.ShopNotConfigured(),
        };
    }

    /// <summary><c>GET /api/suppliers/{supplierId}/purchase-orders</c>: the supplier's open purchase orders (not yet settled, not rejected outright), by id.</summary>
    [Function("ListSupplierPurchaseOrders")]
    [Tags("Purchasing")]
    [EndpointSummary("The supplier's open purchase orders, with per line its answer and the lot it became")]
    [EndpointDescription("Orders leave the list once settled in full (every line received or cancelled and paid on a closed statement), or when every line was rejected. Empty for a supplier with none.")]
    [ProducesResponseType<IReadOnlyList<PurchaseOrderView>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IResult> ListSupplierPurchaseOrdersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/purchase-orders")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await supplierOrders.ListOpenAsync(supplierId, cancellationToken));

    /// <summary><c>GET /api/suppliers/{supplierId}/purchase-orders/{purchaseOrderId}</c>: one purchase order, or 404.</summary>
    [Function("GetSupplierPurchaseOrder")]
    [Tags("Purchasing")]
    [EndpointSummary("One purchase order of the supplier, whatever its state")]
    [ProducesResponseType<PurchaseOrderView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierPurchaseOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/purchase-orders/{purchaseOrderId}")] HttpRequest req,
        string supplierId,
        string purchaseOrderId,
        CancellationToken cancellationToken) =>
        await supplierOrders.GetAsync(supplierId, purchaseOrderId, cancellationToken) is { } order ? TypedResults.Ok(order) : UnknownPurchaseOrder(supplierId, purchaseOrderId);

    /// <summary>
    /// <c>POST /api/suppliers/{supplierId}/purchase-orders/{purchaseOrderId}/acknowledgements</c> (signed): 200 with the
    /// outcome (<c>applied</c>, <c>duplicate</c>, <c>stale</c>) and the order; 400 naming the field (nothing changes); 404
    /// for an unknown order; 401 and 413 from the signature check.
    /// </summary>
    [Function("PostPurchaseOrderAcknowledgement")]
    [Tags("Purchasing")]
    [SupplierSignature]
    [EndpointSummary("A supplier's acknowledgement of a purchase order (signed): lines accepted with quantity and ETA, or rejected")]
    [EndpointDescription("Signed like the ETA webhook (Presale-Signature: HMAC-SHA256 over timestamp and raw body, replay window). A line's first acceptance is the supplier's word; later acknowledgements may cut its quantity, move its ETA or reject it, never raise it. Every accepted line becomes the inbound lot {purchaseOrderId}-L{lineNumber}, so orders waiting on the pre-sale cap are re-planned onto it. A repeated event id (duplicate) or an acknowledgement older than the order's last applied one (stale) is answered 200 and changes nothing; a refused one changes nothing and may be corrected under the same event id.")]
    [Consumes(typeof(AcknowledgePurchaseOrderRequest), "application/json")]
    [ProducesResponseType<PurchaseOrderAcknowledgementView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> PostPurchaseOrderAcknowledgementAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/purchase-orders/{purchaseOrderId}/acknowledgements")] HttpRequest req,
        string supplierId,
        string purchaseOrderId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (await signatures.VerifyAsync(req.HttpContext) is { } refused)
        {
            return refused;
        }

        var body = JsonBody.Parse<AcknowledgePurchaseOrderRequest>(req.HttpContext.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return await acknowledge.AcknowledgeAsync(supplierId, purchaseOrderId, body.Value!, cancellationToken) switch
        {
            AcknowledgementResult.Acknowledged done => TypedResults.Ok(PurchaseOrderAcknowledgementView.From(done)),
            AcknowledgementResult.Invalid errors => Problems.Validation(errors.Errors),
            AcknowledgementResult.UnknownPurchaseOrder => UnknownPurchaseOrder(supplierId, purchaseOrderId),
            _ => Problems.ShopNotConfigured(),
        };
    }

    /// <summary>The 409 of a purchase order for a supplier without terms.</summary>
    internal static ProblemHttpResult NoTerms(string supplierId) => Problems.Conflict(
        "supplier-terms-missing",
        "The supplier has no terms.",
        $"Supplier '{supplierId}' has no terms yet: they decide the currency, the on-time window and the chargebacks. Save them with PUT /api/suppliers/{supplierId}/terms first.",
        new Dictionary<string, object?> { ["field"] = "supplierId" });

    /// <summary>The 409 of another purchase order under an id the supplier already has.</summary>
    internal static ProblemHttpResult PurchaseOrderExists(string purchaseOrderId) => Problems.Conflict(
        "purchase-order-exists",
        "The supplier already has a different purchase order with this id.",
        $"Purchase order '{purchaseOrderId}' was placed with other lines, dates or terms; nothing was changed. Use a new purchase-order number.",
        new Dictionary<string, object?> { ["field"] = "purchaseOrderId" });

    /// <summary>The 404 of a purchase order the supplier does not have.</summary>
    internal static ProblemHttpResult UnknownPurchaseOrder(string supplierId, string purchaseOrderId) =>
        Problems.NotFound($"Purchase order '{purchaseOrderId}' of supplier '{supplierId}'", "purchaseOrderId");

    private static string Location(PurchaseOrderView order) =>
        $"/api/suppliers/{Uri.EscapeDataString(order.SupplierId)}/purchase-orders/{Uri.EscapeDataString(order.PurchaseOrderId)}";
}
