using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Domain.Returns;
using Presale.Functions.Features.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// The OpenAPI examples of order shipments and returns, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class ReturnsExamples
{
    private static readonly int OrdersBodyLimit = new OrdersOptions().MaxRequestBodyBytes;
    private static readonly int ReturnsBodyLimit = new ReturnsOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["RecordOrderShipment"] = ApiExamples.For(
            OrderSamples.ShipmentRequest,
            (Status201Created, OrderSamples.Fulfilment),
            (Status200OK, OrderSamples.Fulfilment),
            (Status400BadRequest, ExampleProblems.Invalid(("lines[0].quantity", "Only 0 unit(s) of SKU KB-75 are left to ship, not 2."))),
            (Status404NotFound, OrdersExamples.UnknownOrder),
            (Status409Conflict, ApiExampleSet.Of(
                ("shipment-conflict", Problems.Conflict(
                    "shipment-conflict",
                    "The shipment cannot be recorded.",
                    "Shipment PARCEL-5521 was recorded with other lines or dates; only a missing delivery date can be added.")),
                ("order-not-shippable", Problems.Conflict(
                    "order-not-shippable",
                    "The shipment cannot be recorded.",
                    $"Order {OrderSamples.OrderId} is Cancelled: only a confirmed order ships.")),
                ("insufficient-stock", Problems.Conflict(
                    "insufficient-stock",
                    "The shipment cannot be recorded.",
                    "SKU KB-75 has 1 unit(s) on hand, fewer than the 2 shipped: record the receipt or a stock count (POST /api/skus/KB-75/stock-adjustments), then post the shipment again.",
                    new Dictionary<string, object?> { ["orderStatus"] = "confirmed" })))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["CreateReturn"] = ApiExamples.For(
            ReturnSamples.CreateRequest,
            (Status201Created, ApiExampleSet.Of(("approved", ReturnSamples.Approved), ("rejected", ReturnSamples.Rejected))),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Invalid field", ExampleProblems.Invalid(("lines[0].reason", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
                ("Idempotency-Key missing", ExampleProblems.Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))))),
            (Status404NotFound, Problems.NotFound($"Order {OrderSamples.OrderId}", "orderId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status403Forbidden, ReturnsFunctions.NotOwner($"Order {OrderSamples.OrderId} was not placed by customer cust-0815. Nothing was stored.")),
            (Status422UnprocessableEntity, Problems.KeyReused())),
        ["ListReturns"] = ApiExamples.For(
            null,
            (Status200OK, ReturnSamples.ReviewQueue),
            (Status400BadRequest, ExampleProblems.Invalid(("limit", "A limit is a whole number.")))),
        ["GetReturn"] = ApiExamples.For(
            null,
            (Status200OK, ReturnSamples.Received),
            (Status404NotFound, UnknownReturn)),
        ["MarkReturnInTransit"] = ApiExamples.For(
            ReturnSamples.InTransitRequest,
            (Status200OK, ReturnSamples.InTransit),
            (Status400BadRequest, ExampleProblems.Invalid(("trackingReference", $"A tracking reference has at most {ReturnLifecycleHandler.MaxReferenceLength} characters."))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsFunctions.Refusal(new ReturnError(ReturnErrorCode.InvalidTransition, ReturnStatus.Received, $"Cannot mark in transit: return {ReturnSamples.ReturnId} is Received; only an approved return with units to send back can ship."))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["ReceiveReturn"] = ApiExamples.For(
            ReturnSamples.ReceiveRequest,
            (Status200OK, ReturnSamples.Received),
            (Status400BadRequest, ExampleProblems.Invalid(("receipts", $"Unit(s) KB-75:3 are not part of return {ReturnSamples.ReturnId}. (Return is InTransit.)"))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsFunctions.Refusal(new ReturnError(ReturnErrorCode.UnitAlreadyReceived, ReturnStatus.Received, $"Unit(s) {ReturnSamples.UnitId} were already received; a unit is received once. (Return is Received.)", [ReturnSamples.Unit]))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["CancelReturn"] = ApiExamples.For(
            ReturnSamples.CancelRequest,
            (Status200OK, ReturnSamples.Cancelled),
            (Status400BadRequest, ExampleProblems.Invalid(("customerId", "Name who cancels: customerId (the return's customer) or operator, not both."), ("operator", "Name who cancels: customerId (the return's customer) or operator, not both."))),
            (Status403Forbidden, ReturnsFunctions.NotOwner($"Return {ReturnSamples.ReturnId} is not this customer's.")),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsFunctions.Refusal(new ReturnError(ReturnErrorCode.InvalidTransition, ReturnStatus.Received, $"Cannot cancel: return {ReturnSamples.ReturnId} is Received; a return can be cancelled only until its first unit is received."))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["DecideReturnUnit"] = ApiExamples.For(
            ReturnSamples.DecideRequest,
            (Status200OK, ReturnSamples.Decided),
            (Status400BadRequest, ExampleProblems.Invalid(("action", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsFunctions.Refusal(new ReturnError(ReturnErrorCode.UnitAlreadyDecided, ReturnStatus.Triaged, $"Unit {ReturnSamples.UnitId} was already decided (Refurbish by reviewer ana).", [ReturnSamples.Unit]))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
    };

    private static ProblemHttpResult UnknownReturn => Problems.NotFound($"Return {ReturnSamples.ReturnId}", "id");
}
