using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// Orders: place (idempotent, all lines or none), read, cancel. Endpoints only translate HTTP to the use cases.
/// </summary>
public static class OrdersApi
{
    internal static async Task<Results<Created<OrderView>, ValidationProblem, ProblemHttpResult>> PlaceAsync(HttpContext context, PlaceOrderHandler handler, OrdersOptions options, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(string id, GetOrderHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : Problems.NotFound($"Order {id}", "id");

    internal static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> CancelAsync(string id, HttpContext context, CancelOrderHandler handler, OrdersOptions options, CancellationToken cancellationToken)
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
