using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Orders: place (idempotent, all lines or none), read, cancel. Endpoints only translate HTTP to the use cases. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class OrdersFunctions(PlaceOrderHandler placeOrderHandler, OrdersOptions ordersOptions, GetOrderHandler getOrderHandler, CancelOrderHandler cancelOrderHandler)
{
    [Function("PlaceOrder")]
    [Tags("Orders")]
    [EndpointSummary("Place a pre-sale order")]
    [EndpointDescription("Reserves every line or none and answers with a promise date per line. Send an Idempotency-Key header: a retry with the same key and body gets the same answer (header Idempotent-Replayed: true); the same key with another body is refused with 422. Under heavy contention on the SKU the request may give up with 503 and Retry-After: send it again with the same key.")]
    [IdempotencyKey(StatusCodes.Status201Created, StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)]
    [Consumes(typeof(PlaceOrderRequest), "application/json")]
    [ProducesResponseType<OrderView>(StatusCodes.Status201Created, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> PlaceOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<PlaceOrderRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = await placeOrderHandler.PlaceAsync(IdempotencyHeader.Read(req), body.Value!, cancellationToken);
        switch (result)
        {
            case PlaceOrderResult.Placed placed:
                IdempotencyHeader.MarkReplayed(req.HttpContext, placed.Replayed);
                return TypedResults.Created($"/api/orders/{placed.Order.OrderId}", placed.Order);
            case PlaceOrderResult.Invalid rejected:
                IdempotencyHeader.MarkReplayed(req.HttpContext, rejected.Replayed);
                return Problems.Validation(rejected.Errors);
            case PlaceOrderResult.Short shortage:
                IdempotencyHeader.MarkReplayed(req.HttpContext, shortage.Replayed);
                return Problems.Conflict(
                    "insufficient-supply",
                    "Not enough supply for every line.",
                    "Nothing was reserved. Each line lists the units available now and the earliest date they could be promised.",
                    new Dictionary<string, object?> { ["orderId"] = shortage.OrderId, ["lines"] = shortage.Lines });
            case PlaceOrderResult.KeyReused:
                return Problems.KeyReused();
            case PlaceOrderResult.Abandoned abandoned:
                return Problems.Conflict(
                    "placement-abandoned",
                    "An earlier placement with this key did not finish.",
                    "It was abandoned and its reservations released. Place the order again with a new Idempotency-Key.",
                    new Dictionary<string, object?> { ["orderId"] = abandoned.OrderId, ["field"] = IdempotencyHeader.Key });
            default:
                return Problems.ShopNotConfigured();
        }
    }

    [Function("GetOrder")]
    [Tags("Orders")]
    [EndpointSummary("Read an order")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await getOrderHandler.GetAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : Problems.NotFound($"Order {id}", "id");

    [Function("CancelOrder")]
    [Tags("Orders")]
    [EndpointSummary("Cancel what of a confirmed order has not shipped")]
    [EndpointDescription("Releases the reservation of the units not shipped at once and records the refund due: every unit not shipped at its price, plus the shipping charge while nothing has shipped (a pre-sale cancellation is refunded in full). Units already shipped stay shipped and out of stock: the customer returns them (POST /api/returns). An order whose every unit has shipped is not cancelled: 409 order-shipped (fulfilment: shipped). A shipment still taking its stock is settled first. Cancelling again answers with the cancelled order.")]
    [Consumes(typeof(CancelOrderRequest), "application/json")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> CancelOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/cancel")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CancelOrderRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: true, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await cancelOrderHandler.CancelAsync(id, body.Value, cancellationToken) switch
        {
            CancelOrderResult.Cancelled cancelled => TypedResults.Ok(cancelled.Order),
            CancelOrderResult.Invalid rejected => Problems.Validation(rejected.Errors),
            CancelOrderResult.NotCancellable notCancellable => Problems.Conflict(
                "order-not-cancellable",
                "The order cannot be cancelled.",
                $"The order is {notCancellable.Status.ToString().ToLowerInvariant()}: only a confirmed order can be cancelled.",
                new Dictionary<string, object?> { ["orderStatus"] = notCancellable.Status }),
            CancelOrderResult.FullyShipped shipped => Problems.Conflict(
                "order-shipped",
                "The order cannot be cancelled.",
                $"Every unit of order {id} has shipped: nothing is left to cancel. The customer returns the units instead (POST /api/returns).",
                new Dictionary<string, object?> { ["orderStatus"] = shipped.Order.Status, ["fulfilment"] = "shipped" }),
            _ => Problems.NotFound($"Order {id}", "id"),
        };
    }
}
