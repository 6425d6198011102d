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
    /// <summary>Maps <c>POST /api/orders/{id}/shipments</c>.</summary>
    public static IEndpointRouteBuilder MapOrderShipmentsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/orders/{id}/shipments", RecordAsync)
            .WithTags("Orders")
            .WithName("RecordOrderShipment")
            .WithSummary("Record a shipment of an order, and its delivery")
            .WithDescription("Units shipped per SKU, shippedOn and (once known) deliveredOn, as shop-local dates. The shipped units leave the SKU's stock: on hand and the order line's reservation both go down by them, so a shipped unit is never sold again (a restocked return puts it back on hand once). When on hand holds fewer units than a line ships, nothing is taken or recorded as shipped: 409 insufficient-stock naming the SKU and its on hand; record the receipt or a stock count, then post the shipment again. Idempotent by shipmentId: the same shipment again answers 200 with nothing changed; the same shipment with a deliveredOn it lacked records the delivery; anything else under that id is 409 shipment-conflict.")
            .Accepts<RecordShipmentRequest>("application/json")
            .Produces<OrderFulfilmentView>(StatusCodes.Status201Created)
            .Produces<OrderFulfilmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<Results<Created<OrderFulfilmentView>, Ok<OrderFulfilmentView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
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
