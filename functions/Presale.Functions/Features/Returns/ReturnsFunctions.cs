using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Common;
using Presale.Application.Returns;
using Presale.Domain.Returns;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Returns (RMA): intake with explained eligibility, read, the manual review queue, in transit, receipt and inspection, a reviewer's decision, cancel. Endpoints only translate HTTP to the use cases. An illegal transition is a 409 problem naming the return's status; bad input is a 400 naming the field. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class ReturnsFunctions(CreateReturnHandler createReturnHandler, ReturnsOptions returnsOptions, ReviewQueueQuery reviewQueueQuery, ReturnLifecycleHandler returnLifecycleHandler)
{
    [Function("CreateReturn")]
    [Tags("Returns")]
    [EndpointSummary("Request a return")]
    [EndpointDescription("Decides eligibility at once and explains it per line, and records the decision: 201 with the return, status approved when any line is eligible (ineligible lines listed with their reasons) or status rejected with every reason when none is (the customer is sent a \"return decided: rejected\" notice). Malformed input is 400, an unknown order 404 and an order the customer did not place 403; nothing is stored for those. Send an Idempotency-Key header: a retry gets the same return (header Idempotent-Replayed: true); the same key with another body is refused with 422.")]
    [IdempotencyKey(StatusCodes.Status201Created)]
    [Consumes(typeof(CreateReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status201Created, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IResult> CreateReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateReturnRequest>(req, returnsOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        switch (await createReturnHandler.CreateAsync(IdempotencyHeader.Read(req), body.Value!, cancellationToken))
        {
            case CreateReturnResult.Created created:
                IdempotencyHeader.MarkReplayed(req.HttpContext, created.Replayed);
                return TypedResults.Created($"/api/returns/{created.Return.ReturnId}", created.Return);
            case CreateReturnResult.Invalid rejected:
                return Problems.Validation(rejected.Errors);
            case CreateReturnResult.NotOrderOwner:
                return NotOwner($"Order {body.Value!.OrderId} was not placed by customer {body.Value.CustomerId}. Nothing was stored.");
            case CreateReturnResult.KeyReused:
                return Problems.KeyReused();
            case CreateReturnResult.OrderNotFound:
                return Problems.NotFound($"Order {body.Value!.OrderId}", "orderId");
            default:
                return Problems.ShopNotConfigured();
        }
    }

    [Function("ListReturns")]
    [Tags("Returns")]
    [EndpointSummary("The manual review queue")]
    [EndpointDescription("status=review lists returns with units waiting for a reviewer, from the review index (limit 1–100, default 20; pass continuation from the previous page).")]
    [ProducesResponseType<ReviewQueuePage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> ListReturnsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "returns")] HttpRequest req, string? status, string? limit, string? continuation, CancellationToken cancellationToken)
    {
        int? size = null;
        if (limit is not null)
        {
            if (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.Validation(FieldErrors.Single("limit", "A limit is a whole number."));
            }

            size = parsed;
        }

        return await reviewQueueQuery.ListAsync(status, size, continuation, cancellationToken) switch
        {
            ReviewQueueResult.Listed listed => TypedResults.Ok(listed.Page),
            ReviewQueueResult.Invalid rejected => Problems.Validation(rejected.Errors),
            _ => throw new InvalidOperationException("Unknown review queue result."),
        };
    }

    [Function("GetReturn")]
    [Tags("Returns")]
    [EndpointSummary("Read a return: lifecycle status, timeline, units, refund")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "returns/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await returnLifecycleHandler.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Return {id}", "id");

    [Function("MarkReturnInTransit")]
    [Tags("Returns")]
    [EndpointSummary("The customer's parcel is with the carrier")]
    [Consumes(typeof(MarkInTransitRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> MarkReturnInTransitAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/in-transit")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<MarkInTransitRequest>(req, returnsOptions.MaxRequestBodyBytes, optional: true, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return Answer(id, "trackingReference", await returnLifecycleHandler.MarkInTransitAsync(id, body.Value, cancellationToken));
    }

    [Function("ReceiveReturn")]
    [Tags("Returns")]
    [EndpointSummary("Record units received and their inspected grade")]
    [EndpointDescription("Per unit: grade a (new/sealed), b (opened/good), c (defective), d (damaged), serial, notes. Each unit is received once; a batch naming a unit already received is refused whole with 409.")]
    [Consumes(typeof(ReceiveReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> ReceiveReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/receipt")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReceiveReturnRequest>(req, returnsOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return Answer(id, "receipts", await returnLifecycleHandler.ReceiveAsync(id, body.Value!, cancellationToken));
    }

    [Function("DecideReturnUnit")]
    [Tags("Returns")]
    [EndpointSummary("A reviewer's final decision for a unit")]
    [EndpointDescription("action: restock, refurbish, returnToVendor, scrap, keepIt (a unit never received) or reject (refused on inspection: not refunded, sent back to the customer). When every unit is decided the return is refunded, or closed when every unit was rejected; either way the customer is sent a \"return decided\" notice.")]
    [Consumes(typeof(DecideUnitRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> DecideReturnUnitAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/decision")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DecideUnitRequest>(req, returnsOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return Answer(id, "unitId", await returnLifecycleHandler.DecideAsync(id, body.Value!, cancellationToken));
    }

    [Function("CancelReturn")]
    [Tags("Returns")]
    [EndpointSummary("Cancel a return not yet received")]
    [EndpointDescription("By its customer (customerId, who must be the return's customer: 403 otherwise) or an operator (operator), with an optional reason. Allowed while requested, approved or in transit; from the first receipt on it is refused with 409 return-invalid-transition naming the return's status. The return's units are given back to the order, so they can be returned again.")]
    [Consumes(typeof(CancelReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> CancelReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/cancel")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CancelReturnRequest>(req, returnsOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return Answer(id, "customerId", await returnLifecycleHandler.CancelAsync(id, body.Value, cancellationToken));
    }

    private static Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult> Answer(string id, string unitField, ReturnCommandResult result) => result switch
    {
        ReturnCommandResult.Done done => TypedResults.Ok(done.Return),
        ReturnCommandResult.Invalid rejected => Problems.Validation(rejected.Errors),
        ReturnCommandResult.Refused { Error.Code: ReturnErrorCode.UnknownUnit or ReturnErrorCode.InvalidReceipt or ReturnErrorCode.InvalidDecision } refused =>
            Problems.Validation(FieldErrors.Single(refused.Error.Code == ReturnErrorCode.InvalidDecision && unitField == "unitId" ? "action" : unitField, refused.Error.Message)),
        ReturnCommandResult.Refused refused => Refusal(refused.Error),
        ReturnCommandResult.NotOwner => NotOwner($"Return {id} is not this customer's."),
        _ => Problems.NotFound($"Return {id}", "id"),
    };

    /// <summary>The 403 when the customer named is not the one who placed the order (or requested the return).</summary>
    internal static ProblemHttpResult NotOwner(string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: StatusCodes.Status403Forbidden,
        title: "Only the customer who placed the order can return from it or withdraw the return.",
        type: Problems.TypePrefix + "return-not-order-owner",
        extensions: new Dictionary<string, object?> { ["field"] = "customerId" });

    /// <summary>
    /// The 409 for a refused lifecycle step: its code, the return's status (as <c>returnStatus</c>: <c>status</c> is the
    /// problem's HTTP status) and the units concerned.
    /// </summary>
    internal static ProblemHttpResult Refusal(ReturnError error) => Problems.Conflict(
        "return-" + Kebab(error.Code.ToString()),
        $"The return is {Camel(error.Status.ToString())}: this is not possible now.",
        error.Message,
        new Dictionary<string, object?>
        {
            ["code"] = Camel(error.Code.ToString()),
            ["returnStatus"] = Camel(error.Status.ToString()),
            ["units"] = error.Units.Select(u => u.ToString()).ToArray(),
        });

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
