using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Quotes: the promise an order for a basket would get now, without reserving anything. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class QuotesFunctions(QuoteHandler quoteHandler, OrdersOptions ordersOptions)
{
    [Function("QuoteBasket")]
    [Tags("Quotes")]
    [EndpointSummary("Quote promise dates for a basket")]
    [EndpointDescription("Per line: the promise date (the shop's local date), the supply it comes from (on hand, a lot, or the cap) and the units available now. Nothing is reserved.")]
    [Consumes(typeof(QuoteRequest), "application/json")]
    [ProducesResponseType<QuoteView>(StatusCodes.Status200OK, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> QuoteBasketAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "quotes")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<QuoteRequest>(req, ordersOptions.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await quoteHandler.QuoteAsync(body.Value!, cancellationToken) switch
        {
            QuoteResult.Quoted quoted => TypedResults.Ok(quoted.Quote),
            QuoteResult.Invalid rejected => Problems.Validation(rejected.Errors),
            _ => Problems.ShopNotConfigured(),
        };
    }
}
