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
    internal static async Task<Results<Created<ReturnView>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpContext context, CreateReturnHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<ReviewQueuePage>, ValidationProblem>> ListAsync(
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

    internal static async Task<Results<Ok<ReturnView>, ProblemHttpResult>> GetAsync(string id, ReturnLifecycleHandler handler, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Return {id}", "id");

    internal static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> InTransitAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> DecideAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
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

    internal static async Task<Results<Ok<ReturnView>, ValidationProblem, ProblemHttpResult>> CancelAsync(string id, HttpContext context, ReturnLifecycleHandler handler, ReturnsOptions options, CancellationToken cancellationToken)
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
