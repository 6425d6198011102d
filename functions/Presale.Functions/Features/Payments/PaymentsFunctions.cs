using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Application.Payments;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Payments;

/// <summary>
/// Payments: an order's schedule and what was paid against it, and the outcomes the shop's payment system reports
/// (Presale holds no card data). Endpoints only translate HTTP to the use cases. Each trigger attribute declares its
/// route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class PaymentsFunctions(OrderPaymentsHandler handler, OrdersOptions ordersOptions)
{
    [Function("GetOrderPayments")]
    [Tags("Payments")]
    [EndpointSummary("Read an order's payment schedule and what was paid")]
    [EndpointDescription("The instalments from the shop's payment plan: full or deposit at order, a balance when the line is ready to ship, or everything when it ships. A balance or on-ship instalment is due on the line's current estimate, so it moves when the promise moves. Each instalment shows what was captured and what it still owes, whether it can be charged now, the failed attempts since its last capture, and authorisationExpiresAt when the latest card hold lapses before the instalment falls due (re-authorise). A rejected, abandoned or pending order has no instalments.")]
    [ProducesResponseType<OrderPaymentsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetOrderPaymentsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}/payments")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } payments
            ? TypedResults.Ok(payments)
            : Problems.NotFound($"Order {id}", "id");

    [Function("RecordPayment")]
    [Tags("Payments")]
    [EndpointSummary("Record a payment outcome for an order")]
    [EndpointDescription("What the shop's payment system did for one instalment: captured, authorised (with the hold's expiry) or failed (with its reason code). Idempotent by paymentId: the same outcome again answers 200 with the first answer and changes nothing; the same paymentId with anything else is 409 payment-conflict. An unknown instalment, another currency, an amount above what the instalment still owes or with more decimals than the currency has is 400 naming the field; nothing is recorded. Only a confirmed (or since cancelled) order takes payments: 409 order-not-payable.")]
    [Consumes(typeof(RecordPaymentRequest), "application/json")]
    [ProducesResponseType<PaymentOutcomeView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<PaymentOutcomeView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IResult> RecordPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/payments")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RecordPaymentRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await handler.RecordAsync(id, body.Value!, cancellationToken) switch
        {
            RecordPaymentResult.Recorded { Replayed: false } recorded => TypedResults.Created($"/api/orders/{id}/payments", recorded.Outcome),
            RecordPaymentResult.Recorded recorded => TypedResults.Ok(recorded.Outcome),
            RecordPaymentResult.Invalid rejected => Problems.Validation(rejected.Errors),
            RecordPaymentResult.Conflict conflict => Problems.Conflict(conflict.Slug, "The payment outcome cannot be recorded.", conflict.Message,
                new Dictionary<string, object?> { ["field"] = conflict.Field }),
            _ => Problems.NotFound($"Order {id}", "id"),
        };
    }
}
