using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// Order fulfilment facts: the shop records what shipped and when it was delivered (a return window starts at
/// delivery); shipped units leave the stock.
/// </summary>
public static class OrderShipmentsApi
{
    internal static async Task<Results<Created<OrderFulfilmentView>, Ok<OrderFulfilmentView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string id, HttpContext context, RecordShipmentHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RecordShipmentRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return await handler.RecordAsync(id, body.Value!, cancellationToken) switch
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
