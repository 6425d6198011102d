using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// Orders: place (idempotent, all lines or none), read, cancel. Endpoints only translate HTTP to the use cases.
/// </summary>
public static class OrdersApi
{
    /// <summary>Maps <c>POST /api/orders</c>, <c>GET /api/orders/{id}</c> and <c>POST /api/orders/{id}/cancel</c>.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/orders").WithTags("Orders");
        group.MapPost("", PlaceAsync)
            .WithName("PlaceOrder")
            .WithSummary("Place a pre-sale order")
            .WithDescription("Reserves every line or none and answers with a promise date per line. Send an Idempotency-Key header: a retry with the same key and body gets the same answer (header Idempotent-Replayed: true); the same key with another body is refused with 422. Under heavy contention on the SKU the request may give up with 503 and Retry-After: send it again with the same key.")
            .WithIdempotencyKey(StatusCodes.Status201Created, StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .Accepts<PlaceOrderRequest>("application/json")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("Read an order")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancel what of a confirmed order has not shipped")
            .WithDescription("Releases the reservation of the units not shipped at once and records the refund due: every unit not shipped at its price, plus the shipping charge while nothing has shipped (a pre-sale cancellation is refunded in full). Units already shipped stay shipped and out of stock: the customer returns them (POST /api/returns). An order whose every unit has shipped is not cancelled: 409 order-shipped (fulfilment: shipped). A shipment still taking its stock is settled first. Cancelling again answers with the cancelled order.")
            .Accepts<CancelOrderRequest>("application/json")
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Created<OrderView>, ValidationProblem, ProblemHttpResult>> PlaceAsync(HttpContext context, PlaceOrderHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<PlaceOrderRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        var result = await handler.PlaceAsync(IdempotencyHeader.Read(context.Request), body.Value!, cancellationToken);
        switch (result)
        {
            case PlaceOrderResult.Placed placed:
                IdempotencyHeader.MarkReplayed(context, placed.Replayed);
                return TypedResults.Created($"/api/orders/{placed.Order.OrderId}", placed.Order);
            case PlaceOrderResult.Invalid rejected:
                IdempotencyHeader.MarkReplayed(context, rejected.Replayed);
                return Problems.Validation(rejected.Errors);
            case PlaceOrderResult.Short shortage:
                IdempotencyHeader.MarkReplayed(context, shortage.Replayed);
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

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(string id, GetOrderHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : Problems.NotFound($"Order {id}", "id");

    private static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> CancelAsync(string id, HttpContext context, CancelOrderHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CancelOrderRequest>(context.Request, options.MaxRequestBodyBytes, optional: true, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return await handler.CancelAsync(id, body.Value, cancellationToken) switch
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
