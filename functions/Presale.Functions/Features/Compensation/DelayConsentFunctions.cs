using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.DelayConsent;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Compensation;

/// <summary>The HTTP functions of <see cref="DelayConsentApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class DelayConsentFunctions(DelayConsentService delayConsentService, OrdersOptions ordersOptions, ShopSettingsStore shopSettingsStore)
{
    [Function("DelayConsent")]
    [Tags("Delay consent")]
    [EndpointSummary("Accept a delayed order's revised date, or cancel it for a full refund")]
    [Consumes(typeof(DelayConsentRequest), "application/json")]
    [ProducesResponseType<DelayConsentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> DelayConsentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/delay-consent")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await DelayConsentApi.RespondAsync(id, req.HttpContext, delayConsentService, ordersOptions, cancellationToken);

    [Function("DescribeDelayConsentLink")]
    [Tags("Delay consent")]
    [EndpointSummary("What a one-click consent link does (changes nothing); a browser (Accept: text/html) gets the page with the choices")]
    [ProducesResponseType<DelayConsentLinkView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status410Gone)]
    public async Task<IResult> DescribeDelayConsentLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "consent")] HttpRequest req, string? token, CancellationToken cancellationToken) =>
        await DelayConsentApi.DescribeLinkAsync(token, req.HttpContext, delayConsentService, shopSettingsStore, cancellationToken);

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
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "consent")] HttpRequest req, string? token, string? action, CancellationToken cancellationToken) =>
        await DelayConsentApi.RespondWithLinkAsync(token, action, req.HttpContext, delayConsentService, shopSettingsStore, ordersOptions, cancellationToken);
}
