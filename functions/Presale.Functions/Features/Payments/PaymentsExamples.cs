using Presale.Application.Orders;
using Presale.Application.Payments;
using Presale.Functions.Features.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Payments;

/// <summary>
/// The OpenAPI examples of an order's payments, by operation id (the function's name): a request body example where the
/// operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an operation
/// that misses one.
/// </summary>
internal static class PaymentsExamples
{
    private static readonly int OrdersBodyLimit = new OrdersOptions().MaxRequestBodyBytes;
    private static readonly DateTimeOffset CapturedAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["GetOrderPayments"] = ApiExamples.For(
            null,
            (Status200OK, new OrderPaymentsView(
                OrderSamples.OrderId,
                "EUR",
                129.00m,
                38.70m,
                90.30m,
                [
                    new InstalmentView("1-deposit", 1, "deposit", 38.70m, new DateOnly(2026, 3, 2), 38.70m, 0m, true, 0, null),
                    new InstalmentView("1-balance", 1, "balance", 90.30m, new DateOnly(2026, 4, 14), 0m, 90.30m, false, 0, null),
                ],
                [Captured])),
            (Status404NotFound, OrdersExamples.UnknownOrder)),
        ["RecordPayment"] = ApiExamples.For(
            new RecordPaymentRequest("pay_3LkP9w", "1-deposit", "captured", 38.70m, "EUR", null, CapturedAt, null),
            (Status201Created, Captured),
            (Status200OK, Captured),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Bad body", ExampleProblems.Invalid(("outcome", "An outcome is captured, authorised or failed."), ("amount", "An amount is more than zero."))),
                ("More than owed", ExampleProblems.Invalid(("amount", "Instalment 1-deposit owes 38.70, not 40.00."))))),
            (Status404NotFound, OrdersExamples.UnknownOrder),
            (Status409Conflict, ApiExampleSet.Of(
                ("payment-conflict", Problems.Conflict(
                    "payment-conflict",
                    "The payment outcome cannot be recorded.",
                    "Payment pay_3LkP9w was recorded with another outcome.",
                    new Dictionary<string, object?> { ["field"] = "paymentId" })),
                ("order-not-payable", Problems.Conflict(
                    "order-not-payable",
                    "The payment outcome cannot be recorded.",
                    $"Order {OrderSamples.OrderId} is rejected: only a confirmed order has a payment schedule.",
                    new Dictionary<string, object?> { ["field"] = "id" })))),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody),
            (Status503ServiceUnavailable, ExampleProblems.Contention)),
    };

    private static PaymentOutcomeView Captured => new("pay_3LkP9w", "1-deposit", "captured", 38.70m, "EUR", null, CapturedAt, null);
}
