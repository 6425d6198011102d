using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Presale.Application.Common;
using Presale.Application.Returns;
using Presale.Domain.Returns;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// Returns (RMA): intake with explained eligibility, read, the manual review queue, in transit, receipt and inspection,
/// a reviewer's decision, cancel. Endpoints only translate HTTP to the use cases. An illegal transition is a 409 problem naming
/// the return's status; bad input is a 400 naming the field.
/// </summary>
public static class ReturnsApi
{
    /// <summary>Maps the <c>/api/returns</c> routes.</summary>
    public static IEndpointRouteBuilder MapReturnsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/returns").WithTags("Returns");
        group.MapPost("", CreateAsync)
            .WithName("CreateReturn")
            .WithSummary("Request a return")
            .WithDescription("Decides eligibility at once and explains it per line, and records the decision: 201 with the return, status approved when any line is eligible (ineligible lines listed with their reasons) or status rejected with every reason when none is (the customer is sent a \"return decided: rejected\" notice). Malformed input is 400, an unknown order 404 and an order the customer did not place 403; nothing is stored for those. Send an Idempotency-Key header: a retry gets the same return (header Idempotent-Replayed: true); the same key with another body is refused with 422.")
            .WithIdempotencyKey(StatusCodes.Status201Created)
            .Accepts<CreateReturnRequest>("application/json")
            .Produces<ReturnView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("", ListAsync)
            .WithName("ListReturns")
            .WithSummary("The manual review queue")
            .WithDescription("status=review lists returns with units waiting for a reviewer, from the review index (limit 1–100, default 20; pass continuation from the previous page).")
            .Produces<ReviewQueuePage>()
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync)
            .WithName("GetReturn")
            .WithSummary("Read a return: lifecycle status, timeline, units, refund")
            .Produces<ReturnView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/in-transit", InTransitAsync)
            .WithName("MarkReturnInTransit")
            .WithSummary("The customer's parcel is with the carrier")
            .Accepts<MarkInTransitRequest>("application/json")
            .Produces<ReturnView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/receipt", ReceiveAsync)
            .WithName("ReceiveReturn")
            .WithSummary("Record units received and their inspected grade")
            .WithDescription("Per unit: grade a (new/sealed), b (opened/good), c (defective), d (damaged), serial, notes. Each unit is received once; a batch naming a unit already received is refused whole with 409.")
            .Accepts<ReceiveReturnRequest>("application/json")
            .Produces<ReturnView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/decision", DecideAsync)
            .WithName("DecideReturnUnit")
            .WithSummary("A reviewer's final decision for a unit")
            .WithDescription("action: restock, refurbish, returnToVendor, scrap, keepIt (a unit never received) or reject (refused on inspection: not refunded, sent back to the customer). When every unit is decided the return is refunded, or closed when every unit was rejected; either way the customer is sent a \"return decided\" notice.")
            .Accepts<DecideUnitRequest>("application/json")
            .Produces<ReturnView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelReturn")
            .WithSummary("Cancel a return not yet received")
            .WithDescription("By its customer (customerId, who must be the return's customer: 403 otherwise) or an operator (operator), with an optional reason. Allowed while requested, approved or in transit; from the first receipt on it is refused with 409 return-invalid-transition naming the return's status. The return's units are given back to the order, so they can be returned again.")
            .Accepts<CancelReturnRequest>("application/json")
            .Produces<ReturnView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<Results<Created<ReturnView>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpContext context, CreateReturnHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateReturnRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        switch (await handler.CreateAsync(IdempotencyHeader.Read(context.Request), body.Value!, cancellationToken))
        {
            case CreateReturnResult.Created created:
                IdempotencyHeader.MarkReplayed(context, created.Replayed);
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

    private static async Task<Results<Ok<ReviewQueuePage>, ValidationProblem>> ListAsync(
        ReviewQueueQuery query, [FromQuery] string? status, [FromQuery] string? limit, [FromQuery] string? continuation, CancellationToken cancellationToken)
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

        return await query.ListAsync(status, size, continuation, cancellationToken) switch
        {
            ReviewQueueResult.Listed listed => TypedResults.Ok(listed.Page),
            ReviewQueueResult.Invalid rejected => Problems.Validation(rejected.Errors),
            _ => throw new InvalidOperationException("Unknown review queue result."),
        };
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult>> GetAsync(string id, ReturnLifecycleHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Return {id}", "id");

    private static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> InTransitAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<MarkInTransitRequest>(context.Request, options.MaxRequestBodyBytes, optional: true, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return Answer(id, "trackingReference", await handler.MarkInTransitAsync(id, body.Value, cancellationToken));
    }

    private static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReceiveReturnRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return Answer(id, "receipts", await handler.ReceiveAsync(id, body.Value!, cancellationToken));
    }

    private static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> DecideAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DecideUnitRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return Answer(id, "unitId", await handler.DecideAsync(id, body.Value!, cancellationToken));
    }

    private static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> CancelAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CancelReturnRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return Answer(id, "customerId", await handler.CancelAsync(id, body.Value, cancellationToken));
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
