using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Returns;

/// <summary>The HTTP functions of <see cref="OrderShipmentsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class OrderShipmentsFunctions(RecordShipmentHandler recordShipmentHandler, OrdersOptions ordersOptions)
{
    [Function("RecordOrderShipment")]
    [Tags("Orders")]
    [EndpointSummary("Record a shipment of an order, and its delivery")]
    [EndpointDescription("Units shipped per SKU, shippedOn and (once known) deliveredOn, as shop-local dates. The shipped units leave the SKU's stock: on hand and the order line's reservation both go down by them, so a shipped unit is never sold again (a restocked return puts it back on hand once). When on hand holds fewer units than a line ships, nothing is taken or recorded as shipped: 409 insufficient-stock naming the SKU and its on hand; record the receipt or a stock count, then post the shipment again. Idempotent by shipmentId: the same shipment again answers 200 with nothing changed; the same shipment with a deliveredOn it lacked records the delivery; anything else under that id is 409 shipment-conflict.")]
    [Consumes(typeof(RecordShipmentRequest), "application/json")]
    [ProducesResponseType<OrderFulfilmentView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<OrderFulfilmentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> RecordOrderShipmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/shipments")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await OrderShipmentsApi.RecordAsync(id, req.HttpContext, recordShipmentHandler, ordersOptions, cancellationToken);
}
