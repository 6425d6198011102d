using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Features.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// The OpenAPI examples of delay consent (by order and by signed link) and credits, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class CompensationExamples
{
    private static readonly int OrdersBodyLimit = new OrdersOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["DelayConsent"] = ApiExamples.For(
            ConsentSamples.AcceptRequest,
            (Status200OK, ApiExampleSet.Of(("accepted", ConsentSamples.Accepted), ("cancelled", ConsentSamples.Cancelled))),
            (Status400BadRequest, ExampleProblems.Invalid(("action", "action must be 'accept' or 'cancel'."))),
            (Status404NotFound, Problems.NotFound($"A delay notice for order {OrderSamples.OrderId}", "id")),
            (Status409Conflict, NoConsentPending),
            (Status413PayloadTooLarge, Problems.TooLarge(OrdersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["DescribeDelayConsentLink"] = ApiExamples.For(
            null,
            (Status200OK, ConsentSamples.Link),
            (Status400BadRequest, ExampleProblems.Invalid(("token", "The link is not valid."))),
            (Status403Forbidden, DelayConsentFunctions.LinkRefused("The link is not valid.")),
            (Status410Gone, DelayConsentFunctions.LinkExpired("The link is not valid."))),
        ["DelayConsentLink"] = ApiExamples.For(
            ConsentSamples.LinkForm,
            (Status200OK, ApiExampleSet.Of(("accepted", ConsentSamples.Accepted), ("cancelled", ConsentSamples.Cancelled))),
            (Status400BadRequest, ApiExampleSet.Of(
                ("Malformed token", ExampleProblems.Invalid(("token", "The link is malformed."))),
                ("Unknown action", ExampleProblems.Invalid(("action", "action must be 'accept' or 'cancel'."))))),
            (Status403Forbidden, ApiExampleSet.Of(
                ("Not authentic", DelayConsentFunctions.LinkRefused("The link is not authentic.")),
                ("Action not allowed", DelayConsentFunctions.LinkRefused("The link does not allow 'Accept'.")))),
            (Status404NotFound, Problems.NotFound($"A delay notice for order {OrderSamples.OrderId}", "id")),
            (Status409Conflict, NoConsentPending),
            (Status410Gone, DelayConsentFunctions.LinkExpired("The link has expired."))),
        ["GetCustomerCredits"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.Credits),
            (Status400BadRequest, ExampleProblems.Invalid(("limit", "limit must be a whole number from 1 to 100.")))),
    };

    private static ProblemHttpResult NoConsentPending => Problems.Conflict(
        "delay-consent-no-consent-pending",
        "The answer does not apply to this order now.",
        "No delay is waiting for an answer.",
        new Dictionary<string, object?> { ["orderId"] = OrderSamples.OrderId, ["rejection"] = "noConsentPending" });
}
