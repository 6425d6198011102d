using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>The HTTP functions of <see cref="QuotesApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class QuotesFunctions(QuoteHandler quoteHandler, OrdersOptions ordersOptions)
{
    [Function("QuoteBasket")]
    [Tags("Quotes")]
    [EndpointSummary("Quote promise dates for a basket")]
    [EndpointDescription("Per line: the promise date (the shop's local date), the supply it comes from (on hand, a lot, or the cap) and the units available now. Nothing is reserved.")]
    [Consumes(typeof(QuoteRequest), "application/json")]
    [ProducesResponseType<QuoteView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> QuoteBasketAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "quotes")] HttpRequest req, CancellationToken cancellationToken) =>
        await QuotesApi.QuoteAsync(req.HttpContext, quoteHandler, ordersOptions, cancellationToken);
}
