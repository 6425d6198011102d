using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Order fulfilment facts: the shop records what shipped and when it was delivered (a return window starts at delivery); shipped units leave the stock. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class OrderShipmentsFunctions(RecordShipmentHandler recordShipmentHandler, OrdersOptions ordersOptions)
{
    [Function("RecordOrderShipment")]
    [Tags("Orders")]
    [EndpointSummary("Record a shipment of an order, and its delivery")]
    [EndpointDescription("Units shipped per SKU, shippedOn and (once known) deliveredOn, as shop-local dates. The shipped units leave the SKU's stock: on hand and the order line's reservation both go down by them, so a shipped unit is never sold again (a restocked return puts it back on hand once). When on hand holds fewer units than a line ships, nothing is taken or recorded as shipped: 409 insufficient-stock naming the SKU and its on hand; record the receipt or a stock count, then post the shipment again. Idempotent by shipmentId: the same shipment again answers 200 with nothing changed; the same shipment with a deliveredOn it lacked records the delivery; anything else under that id is 409 shipment-conflict.")]
    [Consumes(typeof(RecordShipmentRequest), "application/json")]
    [ProducesResponseType<OrderFulfilmentView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<OrderFulfilmentView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> RecordOrderShipmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/shipments")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RecordShipmentRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await recordShipmentHandler.RecordAsync(id, body.Value!, cancellationToken) switch
        {
            RecordShipmentResult.Recorded { Changed: true } recorded => TypedResults.Created($"/api/orders/{id}", recorded.Fulfilment),
            RecordShipmentResult.Recorded recorded => TypedResults.Ok(recorded.Fulfilment),
            RecordShipmentResult.Invalid rejected => Problems.Validation(rejected.Errors),
            RecordShipmentResult.Conflict conflict => Problems.Conflict(conflict.Slug, "The shipment cannot be recorded.", conflict.Message,
                new Dictionary<string, object?> { ["orderStatus"] = char.ToLowerInvariant(conflict.Status[0]) + conflict.Status[1..] }),
            _ => Problems.NotFound($"Order {id}", "id"),
        };
    }
}
