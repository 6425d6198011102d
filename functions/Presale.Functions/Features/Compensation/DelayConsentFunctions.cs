using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.DelayConsent;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Domain.DelayConsent;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// The customer's answer to a delay notice: <c>POST /api/orders/{id}/delay-consent</c> (function key; the storefront calls it for a signed-in customer) and the one-click link <c>/api/consent?token=…</c> (anonymous: the signed token is the authentication). <c>GET</c> on the link never changes anything (mail scanners prefetch links): a browser (<c>Accept: text/html</c>) gets a page in the shop's locale that shows the delay and offers the choices in a form, an API client gets JSON. <c>POST</c> acts: a form post (<c>application/x-www-form-urlencoded</c>, fields <c>token</c> and <c>action</c>) is answered with an HTML confirmation (<see cref="DelayConsentPage"/>), any other post with JSON (token and action in the query). Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class DelayConsentFunctions(DelayConsentService delayConsentService, OrdersOptions ordersOptions, ShopSettingsStore shopSettingsStore)
{
    [Function("DelayConsent")]
    [Tags("Delay consent")]
    [EndpointSummary("Accept a delayed order's revised date, or cancel it for a full refund")]
    [Consumes(typeof(DelayConsentRequest), "application/json")]
    [ProducesResponseType<DelayConsentView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> DelayConsentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/delay-consent")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DelayConsentRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        if (ParseAction(body.Value!.Action) is not { } action)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["action"] = ["action must be 'accept' or 'cancel'."] });
        }

        if (body.Value.DelayNumber is < 1)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["delayNumber"] = ["delayNumber must be at least 1."] });
        }

        return Answer(await delayConsentService.RespondAsync(id, action, body.Value.DelayNumber, cancellationToken));
    }

    [Function("DescribeDelayConsentLink")]
    [Tags("Delay consent")]
    [EndpointSummary("What a one-click consent link does (changes nothing); a browser (Accept: text/html) gets the page with the choices")]
    [ProducesResponseType<DelayConsentLinkView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status410Gone)]
    public async Task<IResult> DescribeDelayConsentLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "consent")] HttpRequest req, string? token, CancellationToken cancellationToken)
    {
        var details = await delayConsentService.DescribeLinkAsync(token, cancellationToken);
        if (DelayConsentPage.WantsHtml(req))
        {
            return DelayConsentPage.Describe(req.HttpContext.Response, await ConsentPageShop.LoadAsync(shopSettingsStore, cancellationToken), token, details);
        }

        if (!details.Verification.IsValid)
        {
            return LinkProblem<DelayConsentLinkView>(details.Verification.Status, "The link is not valid.");
        }

        var claims = details.Verification.Claims!;
        var actions = new[] { ConsentActions.Accept, ConsentActions.Cancel }.Where(claims.Allows).Select(Name).ToList();
        return TypedResults.Ok(new DelayConsentLinkView(claims.OrderId, actions, claims.DelayNumber, claims.ExpiresAt));
    }

    [Function("DelayConsentLink")]
    [Tags("Delay consent")]
    [EndpointSummary("Act on a one-click consent link (optional action=accept|cancel when the link allows both); the link page's form post (token, action) gets an HTML confirmation")]
    [EndpointDescription("The form takes exactly the fields `token` and `action`, each once (names are case-sensitive): any other field, a repeated field or a file is refused with a 400 page, like a JSON body's unknown member.")]
    [Consumes(typeof(ConsentLinkForm), "application/x-www-form-urlencoded")]
    [ProducesResponseType<DelayConsentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status410Gone)]
    public async Task<IResult> DelayConsentLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "consent")] HttpRequest req, string? token, string? action, CancellationToken cancellationToken)
    {
        if (DelayConsentPage.IsFormPost(req))
        {
            return await RespondToFormAsync(req.HttpContext, delayConsentService, shopSettingsStore, ordersOptions, cancellationToken);
        }

        ConsentActions? chosen = null;
        if (action is not null && (chosen = ParseAction(action)) is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["action"] = ["action must be 'accept' or 'cancel'."] });
        }

        return Answer(await delayConsentService.RespondWithLinkAsync(token, chosen, cancellationToken));
    }

    /// <summary>The link page's form (exactly its two fields): the button pressed names the action; answered with a page.</summary>
    private static async Task<Results<Ok<DelayConsentView>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> RespondToFormAsync(
        HttpContext context, DelayConsentService service, ShopSettingsStore shops, OrdersOptions options, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            return Problems.TooLarge(options.MaxRequestBodyBytes);
        }

        var shop = await ConsentPageShop.LoadAsync(shops, cancellationToken);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(FormLimits, cancellationToken);
        }
        catch (InvalidDataException)
        {
            // More fields, or longer names or values, than the page's form ever sends (FormLimits).
            return DelayConsentPage.BadForm(context.Response, shop);
        }

        if (!DelayConsentPage.IsPageForm(form))
        {
            return DelayConsentPage.BadForm(context.Response, shop);
        }

        if (ParseAction(form[DelayConsentPage.ActionField].ToString()) is not { } chosen)
        {
            return DelayConsentPage.BadChoice(context.Response, shop);
        }

        var answer = await service.RespondWithLinkAsync(form[DelayConsentPage.TokenField].ToString(), chosen, cancellationToken);
        return DelayConsentPage.Answer(context.Response, shop, answer);
    }

    private static Results<Ok<DelayConsentView>, ContentHttpResult, ValidationProblem, ProblemHttpResult> Answer(ConsentResponse response) => response switch
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

    private static Results<Ok<T>, ContentHttpResult, ValidationProblem, ProblemHttpResult> LinkProblem<T>(ConsentLinkStatus status, string reason) => status switch
    {
        ConsentLinkStatus.Malformed => Problems.Validation(new Dictionary<string, string[]> { ["token"] = [reason] }),
        ConsentLinkStatus.Expired => LinkExpired(reason),
        _ => LinkRefused(reason),
    };

    private static string Explain(DelayConsentRejection rejection) => rejection switch
    {
        DelayConsentRejection.OrderCancelled => "The order is already cancelled.",
        DelayConsentRejection.NoConsentPending => "No delay is waiting for an answer.",
        DelayConsentRejection.NoDelayNotified => "No delay was notified for this order: cancel it with POST /api/orders/{id}/cancel.",
        DelayConsentRejection.StaleDelayNotice => "A newer delay notice replaced the one answered: answer the latest notice.",
        _ => $"Refused: {rejection}.",
    };

    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 8, KeyLengthLimit = 64, ValueLengthLimit = 2048 };

    private static ConsentActions? ParseAction(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        "accept" => ConsentActions.Accept,
        "cancel" => ConsentActions.Cancel,
        _ => null,
    };

    private static string Name(ConsentActions action) => action == ConsentActions.Accept ? "accept" : "cancel";

    /// <summary>The 410 of a consent link past its expiry.</summary>
    internal static ProblemHttpResult LinkExpired(string reason) => TypedResults.Problem(
        reason, statusCode: StatusCodes.Status410Gone, title: "The link has expired.", type: Problems.TypePrefix + "consent-link-expired", extensions: new Dictionary<string, object?> { ["field"] = "token" });

    /// <summary>The 403 of a consent link that is not authentic or does not allow the action asked for.</summary>
    internal static ProblemHttpResult LinkRefused(string reason) => TypedResults.Problem(
        reason, statusCode: StatusCodes.Status403Forbidden, title: "The link is refused.", type: Problems.TypePrefix + "consent-link-refused", extensions: new Dictionary<string, object?> { ["field"] = "token" });
}
