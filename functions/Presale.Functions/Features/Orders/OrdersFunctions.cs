using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Apis;
using Presale.Functions.Apis.Http;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>The HTTP functions of <see cref="OrdersApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class OrdersFunctions(PlaceOrderHandler placeOrderHandler, OrdersOptions ordersOptions, GetOrderHandler getOrderHandler, CancelOrderHandler cancelOrderHandler)
{
    [Function("PlaceOrder")]
    [Tags("Orders")]
    [EndpointSummary("Place a pre-sale order")]
    [EndpointDescription("Reserves every line or none and answers with a promise date per line. Send an Idempotency-Key header: a retry with the same key and body gets the same answer (header Idempotent-Replayed: true); the same key with another body is refused with 422. Under heavy contention on the SKU the request may give up with 503 and Retry-After: send it again with the same key.")]
    [IdempotencyKey(StatusCodes.Status201Created, StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)]
    [Consumes(typeof(PlaceOrderRequest), "application/json")]
    [ProducesResponseType<OrderView>(StatusCodes.Status201Created, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> PlaceOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders")] HttpRequest req, CancellationToken cancellationToken) =>
        await OrdersApi.PlaceAsync(req.HttpContext, placeOrderHandler, ordersOptions, cancellationToken);

    [Function("GetOrder")]
    [Tags("Orders")]
    [EndpointSummary("Read an order")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await OrdersApi.GetAsync(id, getOrderHandler, cancellationToken);

    [Function("CancelOrder")]
    [Tags("Orders")]
    [EndpointSummary("Cancel what of a confirmed order has not shipped")]
    [EndpointDescription("Releases the reservation of the units not shipped at once and records the refund due: every unit not shipped at its price, plus the shipping charge while nothing has shipped (a pre-sale cancellation is refunded in full). Units already shipped stay shipped and out of stock: the customer returns them (POST /api/returns). An order whose every unit has shipped is not cancelled: 409 order-shipped (fulfilment: shipped). A shipment still taking its stock is settled first. Cancelling again answers with the cancelled order.")]
    [Consumes(typeof(CancelOrderRequest), "application/json")]
    [ProducesResponseType<OrderView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> CancelOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/cancel")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await OrdersApi.CancelAsync(id, req.HttpContext, cancelOrderHandler, ordersOptions, cancellationToken);
}
