using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// The OpenAPI examples of shop and SKU settings, supply and stock, supplier lots, quotes and orders, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class OrdersExamples
{
    private static readonly int OrdersBodyLimit = new OrdersOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["GetShopSettings"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Shop),
            (Status404NotFound, Problems.NotFound("The shop's settings", "shop"))),
        ["PutShopSettings"] = ApiExamples.For(
            OrderSamples.ShopRequest,
            (Status200OK, OrderSamples.Shop),
            (Status400BadRequest, ExampleProblems.Invalid(("timeZone", "'Europe/Berlln' is not a known IANA time zone id (e.g. Europe/Berlin)."), ("currency", "A currency is an ISO 4217 code of three upper-case letters, e.g. EUR."))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["GetSkuSettings"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Sku),
            (Status400BadRequest, BadSku),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku"))),
        ["PutSkuSettings"] = ApiExamples.For(
            OrderSamples.SkuRequest,
            (Status200OK, OrderSamples.Sku),
            (Status201Created, OrderSamples.Sku),
            (Status400BadRequest, ExampleProblems.Invalid(("saleTo", "The sale window must end after it starts."), ("maxPerOrder", "A maximum per order is required."))),
            (Status409Conflict, Problems.Conflict(
                "cap-below-reserved",
                "The cap is below what is already sold from it.",
                "12 units are reserved against the cap; the cap cannot be lower.",
                new Dictionary<string, object?> { ["field"] = "cap", ["reserved"] = 12 })),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status503ServiceUnavailable, ExampleProblems.Contention)),
        ["GetSkuSupply"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Supply),
            (Status400BadRequest, BadSku),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku")),
            (Status409Conflict, Problems.ShopNotConfigured())),
        ["AdjustStock"] = ApiExamples.For(
            OrderSamples.AdjustmentRequest,
            (Status200OK, OrderSamples.Supply),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Idempotency-Key missing", ExampleProblems.Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))),
                ("Bad body", ExampleProblems.Invalid(("quantity", "A quantity of zero changes nothing."), ("reason", "A reason is required."))))),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku")),
            (Status409Conflict, ApiExampleSet.Of(
                ("stock-below-reserved", Problems.Conflict(
                    "stock-below-reserved",
                    "On hand would drop below what orders hold.",
                    "3 units on hand are reserved by orders; on hand cannot become 1.",
                    new Dictionary<string, object?> { ["field"] = "quantity", ["reserved"] = 3 })),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status422UnprocessableEntity, Problems.KeyReused()),
            (Status503ServiceUnavailable, ExampleProblems.Contention)),
        ["RegisterLot"] = ApiExamples.For(
            OrderSamples.LotRequest,
            (Status201Created, OrderSamples.Lot),
            (Status200OK, OrderSamples.Lot),
            (Status400BadRequest, ExampleProblems.Invalid(("lines[0].quantity", "A quantity is between 1 and 1000000."), ("eta", "An ETA is required."))),
            (Status409Conflict, ApiExampleSet.Of(
                ("lot-exists", Problems.Conflict(
                    "lot-exists",
                    "The supplier already has a different lot with this id.",
                    "Lot ids are unique per supplier; changes to a lot (ETA, receipts) have their own routes.",
                    new Dictionary<string, object?> { ["field"] = "lotId" })),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["GetLot"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Lot),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId"))),
        ["QuoteBasket"] = ApiExamples.For(
            OrderSamples.QuoteRequest,
            (Status200OK, OrderSamples.Quote),
            (Status400BadRequest, ExampleProblems.Invalid(("lines[0].sku", "SKU KB-99 is not known."), ("lines[1].quantity", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["PlaceOrder"] = ApiExamples.For(
            OrderSamples.OrderRequest,
            (Status201Created, OrderSamples.Order),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Invalid fields", ExampleProblems.Invalid(("lines[0].quantity", "At most 3 units of SKU KB-75 per order."), ("tier", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
                ("Idempotency-Key missing", ExampleProblems.Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))))),
            (Status409Conflict, ApiExampleSet.Of(
                ("insufficient-supply", Problems.Conflict(
                    "insufficient-supply",
                    "Not enough supply for every line.",
                    "Nothing was reserved. Each line lists the units available now and the earliest date they could be promised.",
                    new Dictionary<string, object?> { ["orderId"] = OrderSamples.OrderId, ["lines"] = OrderSamples.ShortLines })),
                ("placement-abandoned", Problems.Conflict(
                    "placement-abandoned",
                    "An earlier placement with this key did not finish.",
                    "It was abandoned and its reservations released. Place the order again with a new Idempotency-Key.",
                    new Dictionary<string, object?> { ["orderId"] = OrderSamples.OrderId, ["field"] = IdempotencyHeader.Key })),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status422UnprocessableEntity, Problems.KeyReused()),
            (Status503ServiceUnavailable, ExampleProblems.Contention)),
        ["GetOrder"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.TrackedOrder),
            (Status404NotFound, UnknownOrder)),
        ["CancelOrder"] = ApiExamples.For(
            OrderSamples.CancelRequest,
            (Status200OK, OrderSamples.CancelledOrder),
            (Status400BadRequest, ExampleProblems.Invalid(("reason", $"A reason has at most {CancelOrderHandler.MaxReasonLength} characters."))),
            (Status404NotFound, UnknownOrder),
            (Status409Conflict, ApiExampleSet.Of(
                ("order-not-cancellable", Problems.Conflict(
                    "order-not-cancellable",
                    "The order cannot be cancelled.",
                    "The order is rejected: only a confirmed order can be cancelled.",
                    new Dictionary<string, object?> { ["orderStatus"] = "rejected" })),
                ("order-shipped", Problems.Conflict(
                    "order-shipped",
                    "The order cannot be cancelled.",
                    $"Every unit of order {OrderSamples.OrderId} has shipped: nothing is left to cancel. The customer returns the units instead (POST /api/returns).",
                    new Dictionary<string, object?> { ["orderStatus"] = "confirmed", ["fulfilment"] = "shipped" })))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status503ServiceUnavailable, ExampleProblems.Contention)),
    };

    /// <summary>The answer for an order id nobody placed.</summary>
    internal static ProblemHttpResult UnknownOrder => Problems.NotFound($"Order {OrderSamples.OrderId}", "id");

    private static ValidationProblem BadSku => ExampleProblems.Invalid(("sku", "A SKU may hold only letters, digits, '-', '_' and '.'."));
}
