using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Presale.Application.DelayConsent;
using Presale.Application.Orders;
using Presale.Domain.DelayConsent;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// The customer's answer to a delay notice: <c>POST /api/orders/{id}/delay-consent</c> (function key; the storefront
/// calls it for a signed-in customer) and the one-click link <c>/api/consent?token=…</c> (anonymous: the signed token
/// is the authentication). <c>GET</c> on the link only describes it (mail scanners prefetch links, so a GET never
/// changes anything); <c>POST</c> acts.
/// </summary>
public static class DelayConsentApi
{
    /// <summary>Maps the consent routes.</summary>
    public static IEndpointRouteBuilder MapDelayConsentApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/orders/{id}/delay-consent", RespondAsync)
            .WithName("DelayConsent")
            .WithTags("Delay consent")
            .WithSummary("Accept a delayed order's revised date, or cancel it for a full refund")
            .Accepts<DelayConsentRequest>("application/json")
            .Produces<DelayConsentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/api/consent", DescribeLink)
            .WithName("DescribeDelayConsentLink")
            .WithTags("Delay consent")
            .WithSummary("What a one-click consent link does (changes nothing)")
            .Produces<DelayConsentLinkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status410Gone);
        app.MapPost("/api/consent", RespondWithLinkAsync)
            .WithName("DelayConsentLink")
            .WithTags("Delay consent")
            .WithSummary("Act on a one-click consent link (optional action=accept|cancel when the link allows both)")
            .Produces<DelayConsentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    private static async Task<Results<Ok<DelayConsentView>, ValidationProblem, ProblemHttpResult>> RespondAsync(
        string id, HttpContext context, [FromServices] DelayConsentService service, [FromServices] OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DelayConsentRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        if (ParseAction(body.Value!.Action) is not { } action)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["action"] = ["action must be 'accept' or 'cancel'."] });
        }

        if (body.Value.DelayNumber is < 1)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["delayNumber"] = ["delayNumber must be at least 1."] });
        }

        return Answer(await service.RespondAsync(id, action, body.Value.DelayNumber, cancellationToken));
    }

    private static Results<Ok<DelayConsentLinkView>, ValidationProblem, ProblemHttpResult> DescribeLink(
        [FromQuery] string? token, [FromServices] ConsentLinks links, [FromServices] TimeProvider timeProvider)
    {
        var verification = links.Verify(token, timeProvider.GetUtcNow());
        if (!verification.IsValid)
        {
            return LinkProblem<DelayConsentLinkView>(verification.Status, "The link is not valid.");
        }

        var claims = verification.Claims!;
        var actions = new[] { ConsentActions.Accept, ConsentActions.Cancel }.Where(claims.Allows).Select(Name).ToList();
        return TypedResults.Ok(new DelayConsentLinkView(claims.OrderId, actions, claims.DelayNumber, claims.ExpiresAt));
    }

    private static async Task<Results<Ok<DelayConsentView>, ValidationProblem, ProblemHttpResult>> RespondWithLinkAsync(
        [FromQuery] string? token, [FromQuery] string? action, [FromServices] DelayConsentService service, CancellationToken cancellationToken)
    {
        ConsentActions? chosen = null;
        if (action is not null && (chosen = ParseAction(action)) is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["action"] = ["action must be 'accept' or 'cancel'."] });
        }

        return Answer(await service.RespondWithLinkAsync(token, chosen, cancellationToken));
    }

    private static Results<Ok<DelayConsentView>, ValidationProblem, ProblemHttpResult> Answer(ConsentResponse response) => response switch
    {
        ConsentResponse.Accepted accepted => TypedResults.Ok(new DelayConsentView(accepted.OrderId, "accepted", accepted.Promise, null, null, null)),
        ConsentResponse.Cancelled cancelled => TypedResults.Ok(new DelayConsentView(
            cancelled.OrderId, "cancelled", null, JsonNamingPolicy.CamelCase.ConvertName(cancelled.Reason.ToString()), cancelled.Refund?.Amount, cancelled.Refund?.Currency)),
        ConsentResponse.Rejected rejected => Problems.Conflict(
            "delay-consent-" + JsonNamingPolicy.KebabCaseLower.ConvertName(rejected.Rejection.ToString()),
            "The answer does not apply to this order now.",
            Explain(rejected.Rejection),
            new Dictionary<string, object?> { ["orderId"] = rejected.OrderId, ["rejection"] = JsonNamingPolicy.CamelCase.ConvertName(rejected.Rejection.ToString()) }),
        ConsentResponse.LinkRefused refused => LinkProblem<DelayConsentView>(refused.Status, refused.Reason),
        ConsentResponse.NotFound notFound => Problems.NotFound($"A delay notice for order {notFound.OrderId}", "id"),
        _ => throw new InvalidOperationException($"Unknown consent response {response.GetType().Name}."),
    };

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> LinkProblem<T>(ConsentLinkStatus status, string reason) => status switch
    {
        ConsentLinkStatus.Malformed => Problems.Validation(new Dictionary<string, string[]> { ["token"] = [reason] }),
        ConsentLinkStatus.Expired => TypedResults.Problem(reason, statusCode: StatusCodes.Status410Gone, title: "The link has expired.", type: Problems.TypePrefix + "consent-link-expired", extensions: new Dictionary<string, object?> { ["field"] = "token" }),
        _ => TypedResults.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "The link is refused.", type: Problems.TypePrefix + "consent-link-refused", extensions: new Dictionary<string, object?> { ["field"] = "token" }),
    };

    private static string Explain(DelayConsentRejection rejection) => rejection switch
    {
        DelayConsentRejection.OrderCancelled => "The order is already cancelled.",
        DelayConsentRejection.NoConsentPending => "No delay is waiting for an answer.",
        DelayConsentRejection.NoDelayNotified => "No delay was notified for this order: cancel it with POST /api/orders/{id}/cancel.",
        DelayConsentRejection.StaleDelayNotice => "A newer delay notice replaced the one answered: answer the latest notice.",
        _ => $"Refused: {rejection}.",
    };

    private static ConsentActions? ParseAction(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        "accept" => ConsentActions.Accept,
        "cancel" => ConsentActions.Cancel,
        _ => null,
    };

    private static string Name(ConsentActions action) => action == ConsentActions.Accept ? "accept" : "cancel";
}
