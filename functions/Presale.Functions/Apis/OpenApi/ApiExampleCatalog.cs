using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Application.Suppliers;
using Presale.Domain.Returns;
using Presale.Functions.Apis.Http;
using Presale.Functions.Features.Purchasing;
using Presale.Functions.Hosting;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Apis.OpenApi;

/// <summary>
/// The examples of every operation of the OpenAPI document, by operation id (the endpoint's <c>WithName</c>): this is
/// the one place to add them for a new route. Give an example for the request body (if any) and for every status the
/// endpoint declares with <c>Produces…</c>; the key-check 401 and the signature filter's 401 and 413 are added by
/// their transformers. <c>OpenApiDocumentTests</c> fails for an operation that misses one. Problem examples are built
/// with the handlers' own <see cref="Problems"/> helpers where they use them, so they read like real answers.
/// </summary>
internal static class ApiExampleCatalog
{
    private static readonly int OrdersBodyLimit = new OrdersOptions().MaxRequestBodyBytes;
    private static readonly int ReturnsBodyLimit = new ReturnsOptions().MaxRequestBodyBytes;
    private static readonly int SuppliersBodyLimit = new SuppliersOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id, with those of the feature folders that keep their own.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        [PresaleDocumentTransformer.HealthOperationId] = ApiExamples.For(
            null,
            (Status200OK, JsonNode.Parse("""
                {"status":"healthy","durationMs":14.2,"checks":[
                  {"name":"functions","status":"healthy","description":"39 function(s) declared.","durationMs":0.1,"data":{"mode":"functions-host","http":31,"timer":6,"serviceBus":2}},
                  {"name":"table","status":"healthy","description":"Table storage is reachable.","durationMs":12.8},
                  {"name":"queue","status":"healthy","description":"Queue storage is reachable.","durationMs":13.9}]}
                """)!),
            (Status503ServiceUnavailable, JsonNode.Parse("""
                {"status":"unhealthy","durationMs":10003.5,"checks":[
                  {"name":"functions","status":"healthy","description":"39 function(s) declared.","durationMs":0.1,"data":{"mode":"functions-host","http":31,"timer":6,"serviceBus":2}},
                  {"name":"table","status":"unhealthy","description":"Table storage is unreachable.","durationMs":10001.2,"error":"Connection refused (presale.table.core.windows.net:443)"},
                  {"name":"queue","status":"healthy","description":"Queue storage is reachable.","durationMs":15.4}]}
                """)!)),

        // Shop and SKUs.
        ["GetShopSettings"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Shop),
            (Status404NotFound, Problems.NotFound("The shop's settings", "shop"))),
        ["PutShopSettings"] = ApiExamples.For(
            OrderSamples.ShopRequest,
            (Status200OK, OrderSamples.Shop),
            (Status400BadRequest, Invalid(("timeZone", "'Europe/Berlln' is not a known IANA time zone id (e.g. Europe/Berlin)."), ("currency", "A currency is an ISO 4217 code of three upper-case letters, e.g. EUR."))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["GetSkuSettings"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Sku),
            (Status400BadRequest, BadSku),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku"))),
        ["PutSkuSettings"] = ApiExamples.For(
            OrderSamples.SkuRequest,
            (Status200OK, OrderSamples.Sku),
            (Status201Created, OrderSamples.Sku),
            (Status400BadRequest, Invalid(("saleTo", "The sale window must end after it starts."), ("maxPerOrder", "A maximum per order is required."))),
            (Status409Conflict, Problems.Conflict(
                "cap-below-reserved",
                "The cap is below what is already sold from it.",
                "12 units are reserved against the cap; the cap cannot be lower.",
                new Dictionary<string, object?> { ["field"] = "cap", ["reserved"] = 12 })),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody),
            (Status503ServiceUnavailable, Contention)),
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
                ("Idempotency-Key missing", Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))),
                ("Bad body", Invalid(("quantity", "A quantity of zero changes nothing."), ("reason", "A reason is required."))))),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku")),
            (Status409Conflict, ApiExampleSet.Of(
                ("stock-below-reserved", Problems.Conflict(
                    "stock-below-reserved",
                    "On hand would drop below what orders hold.",
                    "3 units on hand are reserved by orders; on hand cannot become 1.",
                    new Dictionary<string, object?> { ["field"] = "quantity", ["reserved"] = 3 })),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody),
            (Status422UnprocessableEntity, Problems.KeyReused()),
            (Status503ServiceUnavailable, Contention)),

        // Supplier lots (operators) and the supplier registry.
        ["RegisterLot"] = ApiExamples.For(
            OrderSamples.LotRequest,
            (Status201Created, OrderSamples.Lot),
            (Status200OK, OrderSamples.Lot),
            (Status400BadRequest, Invalid(("lines[0].quantity", "A quantity is between 1 and 1000000."), ("eta", "An ETA is required."))),
            (Status409Conflict, ApiExampleSet.Of(
                ("lot-exists", Problems.Conflict(
                    "lot-exists",
                    "The supplier already has a different lot with this id.",
                    "Lot ids are unique per supplier; changes to a lot (ETA, receipts) have their own routes.",
                    new Dictionary<string, object?> { ["field"] = "lotId" })),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["GetLot"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.Lot),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId"))),
        ["CreateSupplier"] = ApiExamples.For(
            SupplierSamples.CreateRequest,
            (Status201Created, SupplierSamples.Supplier with { CurrentWebhookSecret = null, PreviousWebhookSecret = null, CreatedAt = OrderSamples.Now }),
            (Status400BadRequest, Invalid(("contact", "contact needs an email or a phone number."))),
            (Status409Conflict, SuppliersApi.SupplierExists("acme")),
            (Status413PayloadTooLarge, Problems.TooLarge(SuppliersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["GetSupplier"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.Supplier),
            (Status404NotFound, UnknownSupplier)),
        ["IssueSupplierWebhookSecret"] = ApiExamples.For(
            null,
            (Status201Created, SupplierSamples.IssuedSecret),
            (Status404NotFound, UnknownSupplier)),
        ["EndSupplierWebhookSecretRotation"] = ApiExamples.For(
            null,
            (Status404NotFound, ApiExampleSet.Of(
                ("No rotation running", SuppliersApi.NoRotation("acme")),
                ("Unknown supplier", UnknownSupplier)))),
        ["GetSupplierScorecard"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.Scorecard),
            (Status404NotFound, UnknownSupplier)),

        // Supplier webhooks and the supplier's demand view.
        ["PostEtaUpdate"] = ApiExamples.For(
            SupplierSamples.EtaUpdate,
            (Status200OK, SupplierSamples.Applied(SupplierSamples.EtaUpdate.EventId!)),
            (Status400BadRequest, Invalid(("newEta", "A date (yyyy-MM-dd) or an ISO 8601 instant."))),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status415UnsupportedMediaType, NotJson)),
        ["PostReceipt"] = ApiExamples.For(
            SupplierSamples.Receipt,
            (Status200OK, SupplierSamples.Applied(SupplierSamples.Receipt.EventId!)),
            (Status400BadRequest, Invalid(("lines[0].sku", "Lot LOT-2026-031 has no line for SKU KB-80."))),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status415UnsupportedMediaType, NotJson)),
        ["GetSupplierLots"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.LotDemand)),

        // Quotes and orders.
        ["QuoteBasket"] = ApiExamples.For(
            OrderSamples.QuoteRequest,
            (Status200OK, OrderSamples.Quote),
            (Status400BadRequest, Invalid(("lines[0].sku", "SKU KB-99 is not known."), ("lines[1].quantity", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["PlaceOrder"] = ApiExamples.For(
            OrderSamples.OrderRequest,
            (Status201Created, OrderSamples.Order),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Invalid fields", Invalid(("lines[0].quantity", "At most 3 units of SKU KB-75 per order."), ("tier", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
                ("Idempotency-Key missing", Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))))),
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
            (Status415UnsupportedMediaType, NotJsonBody),
            (Status422UnprocessableEntity, Problems.KeyReused()),
            (Status503ServiceUnavailable, Contention)),
        ["GetOrder"] = ApiExamples.For(
            null,
            (Status200OK, OrderSamples.TrackedOrder),
            (Status404NotFound, UnknownOrder)),
        ["CancelOrder"] = ApiExamples.For(
            OrderSamples.CancelRequest,
            (Status200OK, OrderSamples.CancelledOrder),
            (Status400BadRequest, Invalid(("reason", $"A reason has at most {CancelOrderHandler.MaxReasonLength} characters."))),
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
            (Status415UnsupportedMediaType, NotJsonBody),
            (Status503ServiceUnavailable, Contention)),
        ["RecordOrderShipment"] = ApiExamples.For(
            OrderSamples.ShipmentRequest,
            (Status201Created, OrderSamples.Fulfilment),
            (Status200OK, OrderSamples.Fulfilment),
            (Status400BadRequest, Invalid(("lines[0].quantity", "Only 0 unit(s) of SKU KB-75 are left to ship, not 2."))),
            (Status404NotFound, UnknownOrder),
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
            (Status415UnsupportedMediaType, NotJsonBody)),

        // Delay consent.
        ["DelayConsent"] = ApiExamples.For(
            ConsentSamples.AcceptRequest,
            (Status200OK, ApiExampleSet.Of(("accepted", ConsentSamples.Accepted), ("cancelled", ConsentSamples.Cancelled))),
            (Status400BadRequest, Invalid(("action", "action must be 'accept' or 'cancel'."))),
            (Status404NotFound, Problems.NotFound($"A delay notice for order {OrderSamples.OrderId}", "id")),
            (Status409Conflict, NoConsentPending),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["DescribeDelayConsentLink"] = ApiExamples.For(
            null,
            (Status200OK, ConsentSamples.Link),
            (Status400BadRequest, Invalid(("token", "The link is not valid."))),
            (Status403Forbidden, DelayConsentApi.LinkRefused("The link is not valid.")),
            (Status410Gone, DelayConsentApi.LinkExpired("The link is not valid."))),
        ["DelayConsentLink"] = ApiExamples.For(
            ConsentSamples.LinkForm,
            (Status200OK, ApiExampleSet.Of(("accepted", ConsentSamples.Accepted), ("cancelled", ConsentSamples.Cancelled))),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Malformed token", Invalid(("token", "The link is malformed."))),
                ("Unknown action", Invalid(("action", "action must be 'accept' or 'cancel'."))))),
            (Status403Forbidden, ApiExampleSet.Of(
                ("Not authentic", DelayConsentApi.LinkRefused("The link is not authentic.")),
                ("Action not allowed", DelayConsentApi.LinkRefused("The link does not allow 'Accept'.")))),
            (Status404NotFound, Problems.NotFound($"A delay notice for order {OrderSamples.OrderId}", "id")),
            (Status409Conflict, NoConsentPending),
            (Status410Gone, DelayConsentApi.LinkExpired("The link has expired."))),

        // Notifications and credits.
        ["GetCustomerNotifications"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.Feed),
            (Status400BadRequest, Invalid(("limit", "limit must be a whole number from 1 to 100.")))),
        ["ListNotificationDeadLetters"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.DeadLetters),
            (Status400BadRequest, Invalid(("continuationToken", "continuationToken is not a token this list returned.")))),
        ["RetryNotificationDeadLetter"] = ApiExamples.For(
            null,
            (Status202Accepted, NotificationSamples.Retried),
            (Status400BadRequest, Invalid(("key", "key must be a notification's de-duplication key (at most 400 characters, usable as a table key)."))),
            (Status404NotFound, NotificationDeadLettersApi.NotDeadLetteredAtAll(NotificationSamples.Retried.DeduplicationKey)),
            (Status409Conflict, NotificationDeadLettersApi.NotDeadLettered(NotificationSamples.Retried.DeduplicationKey, "delivered"))),
        ["GetCustomerCredits"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.Credits),
            (Status400BadRequest, Invalid(("limit", "limit must be a whole number from 1 to 100.")))),

        // Returns.
        ["CreateReturn"] = ApiExamples.For(
            ReturnSamples.CreateRequest,
            (Status201Created, ApiExampleSet.Of(("approved", ReturnSamples.Approved), ("rejected", ReturnSamples.Rejected))),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Invalid field", Invalid(("lines[0].reason", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
                ("Idempotency-Key missing", Invalid((IdempotencyHeader.Key, "The Idempotency-Key header is required."))))),
            (Status404NotFound, Problems.NotFound($"Order {OrderSamples.OrderId}", "orderId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody),
            (Status403Forbidden, ReturnsApi.NotOwner($"Order {OrderSamples.OrderId} was not placed by customer cust-0815. Nothing was stored.")),
            (Status422UnprocessableEntity, Problems.KeyReused())),
        ["ListReturns"] = ApiExamples.For(
            null,
            (Status200OK, ReturnSamples.ReviewQueue),
            (Status400BadRequest, Invalid(("limit", "A limit is a whole number.")))),
        ["GetReturn"] = ApiExamples.For(
            null,
            (Status200OK, ReturnSamples.Received),
            (Status404NotFound, UnknownReturn)),
        ["MarkReturnInTransit"] = ApiExamples.For(
            ReturnSamples.InTransitRequest,
            (Status200OK, ReturnSamples.InTransit),
            (Status400BadRequest, Invalid(("trackingReference", $"A tracking reference has at most {ReturnLifecycleHandler.MaxReferenceLength} characters."))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsApi.Refusal(new ReturnError(ReturnErrorCode.InvalidTransition, ReturnStatus.Received, $"Cannot mark in transit: return {ReturnSamples.ReturnId} is Received; only an approved return with units to send back can ship."))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["ReceiveReturn"] = ApiExamples.For(
            ReturnSamples.ReceiveRequest,
            (Status200OK, ReturnSamples.Received),
            (Status400BadRequest, Invalid(("receipts", $"Unit(s) KB-75:3 are not part of return {ReturnSamples.ReturnId}. (Return is InTransit.)"))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsApi.Refusal(new ReturnError(ReturnErrorCode.UnitAlreadyReceived, ReturnStatus.Received, $"Unit(s) {ReturnSamples.UnitId} were already received; a unit is received once. (Return is Received.)", [ReturnSamples.Unit]))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["CancelReturn"] = ApiExamples.For(
            ReturnSamples.CancelRequest,
            (Status200OK, ReturnSamples.Cancelled),
            (Status400BadRequest, Invalid(("customerId", "Name who cancels: customerId (the return's customer) or operator, not both."), ("operator", "Name who cancels: customerId (the return's customer) or operator, not both."))),
            (Status403Forbidden, ReturnsApi.NotOwner($"Return {ReturnSamples.ReturnId} is not this customer's.")),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsApi.Refusal(new ReturnError(ReturnErrorCode.InvalidTransition, ReturnStatus.Received, $"Cannot cancel: return {ReturnSamples.ReturnId} is Received; a return can be cancelled only until its first unit is received."))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
        ["DecideReturnUnit"] = ApiExamples.For(
            ReturnSamples.DecideRequest,
            (Status200OK, ReturnSamples.Decided),
            (Status400BadRequest, Invalid(("action", "This value is malformed, of the wrong type, out of range, or not one of the allowed values."))),
            (Status404NotFound, UnknownReturn),
            (Status409Conflict, ReturnsApi.Refusal(new ReturnError(ReturnErrorCode.UnitAlreadyDecided, ReturnStatus.Triaged, $"Unit {ReturnSamples.UnitId} was already decided (Refurbish by reviewer ana).", [ReturnSamples.Unit]))),
            (Status413PayloadTooLarge, Problems.TooLarge(ReturnsBodyLimit)),
            (Status415UnsupportedMediaType, NotJsonBody)),
    }.Concat(PurchasingExamples.ByOperationId).ToDictionary(StringComparer.Ordinal);

    private static ProblemHttpResult Contention => TypedResults.Problem(RetryLaterExceptionHandler.Problem(ConflictBackoff.MaxAttempts));

    private static ValidationProblem BadSku => Invalid(("sku", "A SKU may hold only letters, digits, '-', '_' and '.'."));

    private static ProblemHttpResult UnknownOrder => Problems.NotFound($"Order {OrderSamples.OrderId}", "id");

    private static ProblemHttpResult UnknownReturn => Problems.NotFound($"Return {ReturnSamples.ReturnId}", "id");

    private static ProblemHttpResult UnknownSupplier => SuppliersApi.SupplierNotFound("acme");

    /// <summary>The answer to a Content-Type other than JSON: routing refuses it by the endpoint's <c>Accepts</c> before the handler runs.</summary>
    internal static ProblemHttpResult NotJson => TypedResults.Problem(statusCode: Status415UnsupportedMediaType);

    /// <summary>The answers of a route reading its body with <see cref="JsonBody"/>, which also refuses a body sent without a Content-Type.</summary>
    internal static ApiExampleSet NotJsonBody => ApiExampleSet.Of(("Content-Type not JSON", NotJson), ("No Content-Type", Problems.UnsupportedMediaType()));

    private static ProblemHttpResult NoConsentPending => Problems.Conflict(
        "delay-consent-no-consent-pending",
        "The answer does not apply to this order now.",
        "No delay is waiting for an answer.",
        new Dictionary<string, object?> { ["orderId"] = OrderSamples.OrderId, ["rejection"] = "noConsentPending" });

    internal static ValidationProblem Invalid(params (string Field, string Message)[] errors) =>
        Problems.Validation(errors.ToDictionary(e => e.Field, e => new[] { e.Message }));
}
